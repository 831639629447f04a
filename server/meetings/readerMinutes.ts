import { heldOn, type Minutes } from '../../shared/meetings.ts';
import type { MeetingStore, MeetingRow, StoredDecision } from './meetingStore.ts';

/** Whether a reader may see a line about this section (null: about no section, for everyone). */
export type SectionVisible = (sectionId: string | null) => boolean;

/**
 * The minutes of a Tafel as one reader may read them: lines about a section she may not read are
 * left out (not shown, not counted), and so are the sections shared that she may not read. The
 * one filter for the meeting page and the copy of the file.
 */
export function minutesFor(m: MeetingRow, visible: SectionVisible): Minutes | null {
  if (!m.minutes) return null;
  return { ...m.minutes, items: m.minutes.items.filter((i) => visible(i.sectionId)), shared: m.minutes.shared.filter((x) => visible(x.sectionId)) };
}

/** The decision of a Tafel when the reader may read the section it was written into. */
export function decisionFor(m: MeetingRow, visible: SectionVisible): StoredDecision | null {
  return m.decision && visible(m.decision.sectionId) ? m.decision : null;
}

/** One closed Tafel in a copy of the file: when and where, the minutes and the decision as the reader may see them. */
export interface CopiedMinutes {
  meetingId: string;
  date: string;
  time: string;
  place: string;
  minutes: Minutes;
  decision: (StoredDecision & { recordedByName: string }) | null;
}

/** Every closed Tafel of a case with its minutes, oldest first, as far as the reader may read them. */
export async function readerMinutesOf(
  store: MeetingStore,
  caseId: string,
  visible: SectionVisible,
  namesOf: (ids: Iterable<string>) => Promise<(id: string) => string>,
): Promise<CopiedMinutes[]> {
  const closed = (await store.meetingsOf(caseId)).filter((m) => m.minutes !== null).reverse();
  const names = await namesOf(closed.flatMap((m) => (m.decision ? [m.decision.recordedBy] : [])));
  return closed.map((m) => {
    const decision = decisionFor(m, visible);
    return {
      meetingId: m.id,
      // The minutes are of the day it was held, which may be later than the day it was planned for.
      date: heldOn(m) ?? m.date,
      time: m.time,
      place: m.place || m.videoLink,
      minutes: minutesFor(m, visible)!,
      decision: decision ? { ...decision, recordedByName: names(decision.recordedBy) } : null,
    };
  });
}
