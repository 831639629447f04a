import { z } from 'zod';
import { IsoDate } from './blocks/common.ts';
import { formatDate } from './format.ts';
import { labelledEnum } from './labelledEnum.ts';
import { isFamilyRole, Role } from './roles.ts';

/**
 * "Mijn zaken": per case, the dated items that ask something of the reader. The server builds
 * them (`server/cases/caseload.ts`) from what the reader may read; the rules here (kinds, the
 * summary, sorting and filtering) are pure, so the client sorts and filters the same way.
 */

/**
 * What an item is. `zaaktermijn`: a term of the case itself (assessment, seeing the child, ...);
 * `actie`: an action I own; `afspraak`: an agreement I am a party of; `bevestigen`: an agreement
 * waiting for my confirmation; `vernietigingsverzoek`: the family's request to destroy the case,
 * to answer by its due day (Jeugdwet art. 7.3.9); `tafel`: a planned Jeugdbeschermingstafel I am
 * invited to, on its day (its time in `wat`). A new kind is added here, with its words, and as a
 * source in `server/cases/caseload.ts`.
 */
export const CASELOAD_KIND_LABEL = {
  zaaktermijn: 'Termijn van de zaak',
  actie: 'Mijn actie',
  afspraak: 'Mijn afspraak',
  bevestigen: 'Afspraak bevestigen',
  vernietigingsverzoek: 'Verzoek om vernietiging',
  tafel: 'Uitgenodigd',
};
export const CaseloadKind = labelledEnum(CASELOAD_KIND_LABEL);
export type CaseloadKind = z.infer<typeof CaseloadKind>;

export const CaseloadItem = z.object({
  kind: CaseloadKind,
  /** Stable within the case: a deadline id or a block id. */
  id: z.string(),
  /** What has to happen, in words. */
  wat: z.string(),
  /** The date it is due; null when it has none (an agreement to confirm without an end date). */
  due: IsoDate.nullable(),
  overdue: z.boolean(),
  /** The readable section it is in; null for what belongs to the case itself. */
  sectionId: z.string().nullable(),
  sectionTitle: z.string().nullable(),
});
export type CaseloadItem = z.infer<typeof CaseloadItem>;

/**
 * What `GET /api/cases` adds to each case. Defaults, so a list kept on a device before these
 * fields existed still reads.
 */
export const CaseloadFields = z.object({
  /** Open items, overdue first, then by date. */
  items: z.array(CaseloadItem).default([]),
  /** The first date still to come among the items (null: none). */
  nextDue: IsoDate.nullable().default(null),
  overdueCount: z.number().int().min(0).default(0),
  /** The last change in a section I may read (null: none yet). */
  lastChange: z.string().nullable().default(null),
  /** The Dutch day the items were judged on. */
  today: IsoDate.nullable().default(null),
});
export type CaseloadFields = z.infer<typeof CaseloadFields>;

/**
 * The agreements in a case's list waiting for my confirmation (`awaitsMyConfirmation` made them
 * `bevestigen`): what "N afspraken wachten op jouw bevestiging" counts, and exactly what it lists.
 */
export const awaitingConfirmation = (items: readonly CaseloadItem[]): CaseloadItem[] => items.filter((i) => i.kind === 'bevestigen');

/** How an item's date reads: a Tafel is held on its day; anything else is due by it. */
export function dueText(item: Pick<CaseloadItem, 'kind' | 'due' | 'overdue'>): string | null {
  if (item.due === null) return null;
  if (item.kind === 'tafel') return `op ${formatDate(item.due)}`;
  return `${item.overdue ? 'was uiterlijk' : 'uiterlijk'} ${formatDate(item.due)}`;
}

/** A case closes with status `gesloten`; every other status is an open case. */
export const isClosedCase = (status: string) => status === 'gesloten';

/**
 * Whether the case's own terms are in my list: they are the professionals' work (the family
 * reads them in "Ons plan"), and only while the case is open.
 */
export const seesCaseTerms = (role: Role) => !isFamilyRole(role);

/** Overdue first, then the nearest date; no date last; ties keep their order. */
export function byUrgency(a: Pick<CaseloadItem, 'due' | 'overdue'>, b: Pick<CaseloadItem, 'due' | 'overdue'>): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return byDate(a.due, b.due);
}

function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The summary of a case's items: sorted, the next date to come, how many are overdue. */
export function summarise(items: readonly CaseloadItem[], today: string): Pick<CaseloadFields, 'items' | 'nextDue' | 'overdueCount' | 'today'> {
  const sorted = [...items].sort(byUrgency);
  const coming = sorted.filter((i) => !i.overdue && i.due !== null).map((i) => i.due!);
  return { items: sorted, nextDue: coming.sort()[0] ?? null, overdueCount: sorted.filter((i) => i.overdue).length, today };
}

export const CASELOAD_SORT_LABEL = {
  termijn: 'Eerstvolgende termijn',
  'te-laat': 'Te laat eerst',
  titel: 'Naam van de zaak',
  gewijzigd: 'Laatst gewijzigd',
};
export const CaseloadSort = labelledEnum(CASELOAD_SORT_LABEL);
export type CaseloadSort = z.infer<typeof CaseloadSort>;

export const CaseStatusFilter = z.enum(['open', 'gesloten', 'alle']);
export type CaseStatusFilter = z.infer<typeof CaseStatusFilter>;

/**
 * Sort and filter of the list; `?sort=…&alleenTeLaat=true&rol=…&regio=…&status=…` on
 * `GET /api/cases`. Without `sort` the cases keep the order of the store (newest first).
 */
export const CaseloadQuery = z.object({
  sort: CaseloadSort.optional(),
  alleenTeLaat: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  rol: z.union([z.literal(''), Role]).default(''),
  regio: z.string().max(80).default(''),
  status: CaseStatusFilter.default('alle'),
});
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

/** What sorting and filtering need of a case. */
export interface CaseloadRow {
  title: string;
  region: string;
  status: string;
  myRole: string;
  nextDue: string | null;
  overdueCount: number;
  lastChange: string | null;
}

const TITLE_ORDER = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

const COMPARE: Record<CaseloadSort, (a: CaseloadRow, b: CaseloadRow) => number> = {
  termijn: (a, b) => byDate(a.nextDue, b.nextDue),
  // The most overdue items first; then the next date.
  'te-laat': (a, b) => b.overdueCount - a.overdueCount || byDate(a.nextDue, b.nextDue),
  titel: (a, b) => TITLE_ORDER.compare(a.title, b.title),
  // The latest change first; never changed last.
  gewijzigd: (a, b) => (a.lastChange === null || b.lastChange === null ? byDate(a.lastChange, b.lastChange) : byDate(b.lastChange, a.lastChange)),
};

/** The cases that pass the filter, in the chosen order (the title breaks ties). */
export function arrangeCaseload<T extends CaseloadRow>(rows: readonly T[], q: CaseloadQuery): T[] {
  const kept = rows.filter(
    (r) =>
      (!q.alleenTeLaat || r.overdueCount > 0) &&
      (q.rol === '' || r.myRole === q.rol) &&
      (q.regio === '' || r.region === q.regio) &&
      (q.status === 'alle' || (q.status === 'gesloten') === isClosedCase(r.status)),
  );
  const sort = q.sort;
  return sort ? kept.sort((a, b) => COMPARE[sort](a, b) || TITLE_ORDER.compare(a.title, b.title)) : kept;
}
