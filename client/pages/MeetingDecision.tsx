import { useState } from 'react';
import { BesluitKeuze } from '../../shared/blocks/besluit.ts';
import { formatDateTime } from '../../shared/format.ts';
import { keuzeLabel, type MeetingView, presentNames } from '../../shared/meetings.ts';
import { NLDS } from '../ui/theme.ts';
import type { MeetingAction } from './meetingAction.ts';

/**
 * The decision of the Tafel: the Raad records it (choice and rationale); who was there comes from
 * the attendance, shown here as it will be written, never typed. Once recorded, everyone who may
 * read the besluit section sees it, with who recorded it.
 */
export function MeetingDecisionPanel({ meeting, family, act }: { meeting: MeetingView; family: boolean; act: MeetingAction }) {
  const [keuze, setKeuze] = useState<BesluitKeuze | null>(null);
  const [onderbouwing, setOnderbouwing] = useState('');
  const d = meeting.decision;
  if (d) {
    return (
      <section aria-labelledby="decision-title" className="meeting-decision">
        <h3 id="decision-title" className={NLDS.heading3}>
          {family ? 'Wat de Raad heeft besloten' : 'Besluit'}
        </h3>
        <p className={NLDS.paragraph}>
          <strong>{keuzeLabel(d.keuze)}</strong>
        </p>
        <p className={NLDS.paragraph}>Waarom: {d.onderbouwing}</p>
        <p className={NLDS.paragraph}>Wie waren erbij:</p>
        <ul className={NLDS.unorderedList} data-decision-aanwezig>
          {d.aanwezig.map((n) => (
            <li key={n} className={NLDS.listItem}>
              {n}
            </li>
          ))}
        </ul>
        <p className={NLDS.smallParagraph}>
          Vastgelegd door {d.recordedBy} op {formatDateTime(d.recordedAt)}. Wie erbij was, komt uit de presentielijst van de voorzitter
          {d.matchesAttendance ? '.' : '; het besluit in het dossier is daarna veranderd.'}
        </p>
      </section>
    );
  }
  if (!meeting.mayDecide || meeting.status !== 'bezig') return null;
  const present = presentNames(meeting.invitees);
  return (
    <form
      aria-labelledby="decide-title"
      className="meeting-decide"
      onSubmit={(e) => {
        e.preventDefault();
        if (keuze) void act('decision', { keuze, onderbouwing }).catch(() => {});
      }}
    >
      <h3 id="decide-title" className={NLDS.heading3}>
        Besluit vastleggen
      </h3>
      <fieldset className={NLDS.fieldset}>
        <legend className={NLDS.legend}>Besluit</legend>
        {BesluitKeuze.options.map((k) => (
          <label className={`inline ${NLDS.radioLabel}`} key={k}>
            <input type="radio" className={NLDS.radio} name="keuze" value={k} checked={keuze === k} onChange={() => setKeuze(k)} required /> {keuzeLabel(k)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="decision-why" className={NLDS.label}>
        Waarom?
      </label>
      <textarea id="decision-why" className={NLDS.textarea} value={onderbouwing} onChange={(e) => setOnderbouwing(e.target.value)} rows={4} required />
      <p className={NLDS.paragraph}>Aanwezig (uit de presentielijst, niet te typen): {present.length > 0 ? present.join(', ') : 'nog niemand ingevuld'}</p>
      <button type="submit" className={NLDS.primaryButton} disabled={present.length === 0}>
        Besluit vastleggen
      </button>
    </form>
  );
}
