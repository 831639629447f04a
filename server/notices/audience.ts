import { accessFor } from '../../shared/access/accessFor.ts';
import { may } from '../../shared/access/may.ts';
import type { Participant, SectionInstance } from '../../shared/caseModel.ts';
import { CaseStore } from '../store/caseStore.ts';
import type { SqlStore } from '../store/db.ts';

/** What finding an audience needs: the case store, or the SQL store to make one. */
export type AudienceDeps = { cases: CaseStore } | { sql: SqlStore };

const casesOf = (s: AudienceDeps): CaseStore => ('cases' in s ? s.cases : new CaseStore(s.sql));

/**
 * The members of the case who may read this section now, by the one policy (`accessFor`); crisis
 * workers under emergency access are left out (they read, they are not told). With
 * `professionalsOnly`, only those who may read professionals' comments (a thread for professionals).
 */
export async function readersOf(s: AudienceDeps, section: SectionInstance, opts: { professionalsOnly?: boolean } = {}): Promise<Participant[]> {
  const cases = casesOf(s);
  const [participants, ctx] = await Promise.all([cases.participants(section.caseId), cases.accessContext(section.caseId)]);
  return participants.filter(
    (p) => !p.emergency && accessFor(p, section, ctx).level !== 'none' && (!opts.professionalsOnly || may(p, 'read-professional-comments', null).ok),
  );
}

/** The section row by id, for callers that have only its ids. */
export async function sectionById(s: AudienceDeps, caseId: string, sectionId: string): Promise<SectionInstance | undefined> {
  return casesOf(s).section(caseId, sectionId);
}
