import { formatDate, formatFullDateTime } from '../../shared/format.ts';
import { agendaKindLabel, keuzeLabel, PRESENCE_LABEL } from '../../shared/meetings.ts';
import { nameWithRole } from '../../shared/roles.ts';
import type { CopiedMinutes } from '../meetings/readerMinutes.ts';

/** The heading of the minutes in a copy, said once for the HTML page and the PDF. */
export const MINUTES_TITLE = 'Verslagen van de Jeugdbeschermingstafel';

/** One part of the minutes of one Tafel: a heading and its lines (a line may carry a note under it). */
export interface MinutesPart {
  heading: string;
  lines: { text: string; note?: string }[];
}

/** The minutes of one Tafel as the copy shows them: its title, when they were made, and its parts. */
export interface MinutesText {
  id: string;
  title: string;
  made: string;
  parts: MinutesPart[];
}

/**
 * The words of one Tafel's minutes in a copy of the file, the same in the HTML page and the PDF:
 * who was there, the decision (only when the reader may read the besluit section), what was
 * discussed (only the items the reader may see) and what was shared with the family. For a
 * member of the family in the plain words of the meeting page.
 */
export function minutesText(t: CopiedMinutes, family: boolean): MinutesText {
  const m = t.minutes;
  const parts: MinutesPart[] = [
    {
      heading: 'Wie waren er',
      lines: m.attendance.map((a) => ({ text: `${nameWithRole(a.name, a.role)}: ${a.presence ? PRESENCE_LABEL[a.presence].toLowerCase() : 'niet ingevuld'}` })),
    },
  ];
  if (t.decision) {
    const d = t.decision;
    parts.push({
      heading: 'Besluit',
      lines: [
        { text: `${keuzeLabel(d.keuze)}.`, note: d.onderbouwing },
        { text: `Aanwezig: ${d.aanwezig.join(', ')}.` },
        { text: `Vastgelegd door ${d.recordedByName} op ${formatFullDateTime(d.recordedAt)}; wie er aanwezig was, komt uit de presentielijst van de voorzitter.` },
      ],
    });
  }
  parts.push({
    heading: family ? 'Waar we over praatten' : 'Besproken',
    lines: m.items.map((i) => ({ text: `${i.title} (${agendaKindLabel(i.kind, family)})`, ...(i.note ? { note: i.note } : {}) })),
  });
  if (m.shared.length > 0) {
    parts.push({
      heading: family ? 'Wat jullie nu kunnen lezen en waarop je kunt reageren' : 'Gedeeld met het gezin',
      lines: m.shared.map((x) => ({ text: x.reactionUntil ? `${x.title}: ${family ? 'je kunt reageren' : 'reageren kan'} tot en met ${formatDate(x.reactionUntil)}` : x.title })),
    });
  }
  return {
    id: `tafel-${t.meetingId}`,
    title: `Jeugdbeschermingstafel van ${formatDate(t.date)} om ${t.time}${t.place ? `, ${t.place}` : ''}`,
    made: `Verslag gemaakt op ${formatFullDateTime(m.madeAt)}.`,
    parts,
  };
}
