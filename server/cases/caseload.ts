import { type CaseloadFields, isClosedCase, seesCaseTerms, summarise } from '../../shared/caseload.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { CaseDates, caseDeadlines } from '../../shared/deadlines.ts';
import { myTasks } from '../../shared/familyHome.ts';
import { buildOverview } from '../../shared/overview.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import type { AuditEvent } from '../audit/auditLog.ts';
import { visibleConfirmations } from '../confirmations/confirmations.ts';
import { blocksOf } from '../documents/sectionContent.ts';
import type { Services } from '../services.ts';
import type { CaseRow } from '../store/caseStore.ts';
import type { CaseloadInput, CaseloadSource } from './caseloadSource.ts';
import { destructionRequestItems } from './destructionCaseload.ts';
import { plannedTafels } from './meetingCaseload.ts';

/**
 * "Mijn zaken" for one reader and one case: a list of dated items, each of a kind, gathered by
 * sources. Every source gets the sections the reader may read (decided by `accessFor` before
 * this is called) and nothing else, so an item of a hidden section is never made, let alone
 * counted. To add a kind: name it in `CaseloadKind` (shared/caseload.ts) with its label, write a
 * `CaseloadSource` that returns its items, and add it to `SOURCES`.
 */
/** The case's own terms that are not met yet (assessment, seeing the child, ...): the professionals' work. */
const caseTerms: CaseloadSource = async ({ me, row, today }) => {
  if (!seesCaseTerms(me.role)) return [];
  const dates = CaseDates.safeParse(JSON.parse(row.dates));
  if (!dates.success) return [];
  return caseDeadlines(dates.data, row.region, today)
    .filter((d) => d.done === null)
    .map((d) => ({ kind: 'zaaktermijn', id: d.id, wat: d.label, due: d.due, overdue: d.status === 'verlopen', sectionId: null, sectionTitle: null }));
};

/**
 * My actions and the agreements I am a party of, from the readable sections, as the family home
 * finds them (`myTasks`); an agreement I have not confirmed yet is one to confirm.
 */
const myPlanItems: CaseloadSource = async ({ s, me, row, readable, written, today }) => {
  const sections = await Promise.all(
    written.map(async (r) => ({ sectionId: r.section.id, sectionTitle: r.section.title, blocks: await s.documents.readOr(r.room, s.log, blocksOf, []) })),
  );
  const confirmations = await visibleConfirmations(s, row.id, readable);
  const tasks = myTasks(buildOverview(sections, confirmations, today), { userId: me.userId, personId: me.personId, name: me.name });
  return tasks.map((t) => ({
    kind: t.kind === 'actie' ? 'actie' : t.toConfirm ? 'bevestigen' : 'afspraak',
    id: t.id,
    wat: t.wat,
    due: t.deadline,
    overdue: t.overdue,
    sectionId: t.sectionId,
    sectionTitle: t.sectionTitle,
  }));
};

const SOURCES: readonly CaseloadSource[] = [caseTerms, myPlanItems, destructionRequestItems, plannedTafels];

/** The sources that read no section content: they count for a closed case too. */
const CASE_SOURCES: readonly CaseloadSource[] = [destructionRequestItems];

/** Whether this reader's list of the case reads section content (then the read is logged). */
export const readsContent = (me: Participant, row: CaseRow) => !me.emergency && !isClosedCase(row.status);

/**
 * The caseload fields of one case for `me`. A closed case asks nothing of its sections any more,
 * and neither does a case read under emergency access (that is reading, not working in it); both
 * keep the items of `CASE_SOURCES` and the time of the last change in a section they may read.
 */
export async function caseloadOf(s: Services, me: Participant, row: CaseRow, readable: readonly SectionContext[], today: string): Promise<CaseloadFields> {
  const changes = await s.cases.sectionChanges(row.id);
  // ISO instants sort as text; only the readable sections' times count.
  const lastChange = readable.flatMap((r) => changes.get(r.section.id)?.updatedAt ?? []).sort().at(-1) ?? null;
  const written = readable.filter((r) => changes.get(r.section.id)?.updatedAt);
  const input: CaseloadInput = { s, me, row, readable, written, today };
  if (!readsContent(me, row)) return { ...summarise((await Promise.all(CASE_SOURCES.map((source) => source(input)))).flat(), today), lastChange };
  const items = (await Promise.all(SOURCES.map((source) => source(input)))).flat();
  return { ...summarise(items, today), lastChange };
}

/** The NEN 7513 event of a list that showed what is in the sections of a case. */
export function caseloadRead(me: Participant, row: CaseRow, readable: readonly SectionContext[]): AuditEvent {
  return { event: 'zaken-bekeken', caseId: row.id, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ secties: readable.length }) };
}
