import { werkdagenBetween } from '../../shared/calendar/werkdagen.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { CaseDates, caseDeadlines } from '../../shared/deadlines.ts';

/** How near a date is for a notice: passed, within 2 werkdagen, or not yet worth one. */
export function nearness(due: string, today: string): 'verlopen' | 'bijna' | null {
  if (due < today) return 'verlopen';
  return werkdagenBetween(today, due) <= 2 ? 'bijna' : null;
}

/** A deadline to tell about: its key (one notice per item, date and nearness) and, if not the case's directors, to whom. */
export interface DueItem {
  key: string;
  to?: Participant[];
  /** The section the item is in; its notice leaves the list of whoever can no longer read it. */
  sectionId?: string;
}

/** The case's own deadlines (assessment, seeing the child, ...) that are not met and near or passed. */
export function caseDeadlinesDue(datesJson: string, region: string, today: string): DueItem[] {
  const parsed = CaseDates.safeParse(JSON.parse(datesJson));
  if (!parsed.success) return [];
  return caseDeadlines(parsed.data, region, today).flatMap((d) => {
    const near = d.done === null ? nearness(d.due, today) : null;
    return near ? [{ key: `zaak:${d.id}:${d.due}:${near}` }] : [];
  });
}

/** Agreements still running and actions not finished whose date is near or passed, with their parties. */
export function sectionDeadlinesDue(blocks: readonly DueBlock[], today: string): { key: string; parties: DueBlock['parties'] }[] {
  return blocks.flatMap((b) => {
    const open = b.type === 'afspraak' ? b.status === 'open' : b.status !== 'klaar';
    const near = open && b.deadline ? nearness(b.deadline, today) : null;
    return near ? [{ key: `${b.type}:${b.id}:${b.deadline}:${near}`, parties: b.parties }] : [];
  });
}

/** An agreement or action as the sweeps need it: status, deadline and parties (never its text). */
export interface DueBlock {
  type: 'afspraak' | 'actie';
  id: string;
  status: string;
  deadline: string | null;
  parties: readonly { userId: string | null }[];
}

export function dueBlock(b: { type: string; data: unknown }): DueBlock[] {
  const d = b.data as { id?: unknown; status?: unknown; deadline?: unknown; partijen?: unknown };
  if ((b.type !== 'afspraak' && b.type !== 'actie') || typeof d?.id !== 'string') return [];
  const parties = Array.isArray(d.partijen) ? (d.partijen as { userId?: unknown }[]).map((p) => ({ userId: typeof p?.userId === 'string' ? p.userId : null })) : [];
  return [{ type: b.type, id: d.id, status: String(d.status ?? ''), deadline: typeof d.deadline === 'string' ? d.deadline : null, parties }];
}
