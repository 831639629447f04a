import { accessFor } from '../../shared/access/accessFor.ts';
import type { CaseAccessContext, Participant, SectionInstance } from '../../shared/caseModel.ts';
import { type CaseId, roomName, SectionInstanceId } from '../../shared/ids.ts';
import { DomainError } from '../domainError.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SectionContext } from './sectionContext.ts';

/** Not there, or not for this caller: the same answer, so section ids cannot be probed. */
const notThere = () => new DomainError('not_found', 'Niet gevonden.');

/**
 * A section of the case as the caller may see it, decided by the one policy (`accessFor`). A
 * section the caller cannot see is refused as `not_found`, the same as one that does not exist,
 * and so is a malformed id.
 */
export async function sectionFor(s: { cases: CaseStore }, me: Participant, caseId: string, rawSectionId: unknown): Promise<SectionContext> {
  const id = SectionInstanceId.safeParse(rawSectionId);
  if (!id.success) throw notThere();
  const [section, ctx] = await Promise.all([s.cases.section(caseId, id.data), s.cases.accessContext(caseId)]);
  if (!section) throw notThere();
  const { level } = accessFor(me, section, ctx);
  if (level === 'none') throw notThere();
  return { me, caseId, section, level, room: roomName(caseId as CaseId, section.id as SectionInstanceId) };
}

/**
 * Every section of the case the caller may at least read, in case order. Lists, the overview, the
 * export, search and a Tafel's agenda all start here, so a section below `read` never contributes a byte.
 */
export async function readableSections(s: { cases: CaseStore }, me: Participant, caseId: string): Promise<SectionContext[]> {
  const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
  return readableAmong(me, caseId, sections, ctx);
}

/** `readableSections` for a caller that has the sections and access context at hand already. */
export function readableAmong(me: Participant, caseId: string, sections: readonly SectionInstance[], ctx: CaseAccessContext): SectionContext[] {
  return sections.flatMap((section) => {
    const { level } = accessFor(me, section, ctx);
    if (level === 'none') return [];
    return [{ me, caseId, section, level, room: roomName(caseId as CaseId, section.id as SectionInstanceId) }];
  });
}
