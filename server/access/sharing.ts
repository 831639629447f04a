import { type ShareTerms, sharingOpens } from '../../shared/access/shareWith.ts';
import type { Grantee, SectionInstance } from '../../shared/caseModel.ts';
import { DomainError } from '../domainError.ts';
import type { CaseStore } from '../store/caseStore.ts';

/**
 * Refuses a consent or legal ground that would open the section to no one: everyone it covers
 * reads it already, as lastingly, or a revocation by the regisseur goes before it. Decided by the rule the case page offers sharing by (`sharingOpens`), so the
 * server takes exactly what the client offers; a share sent past the page writes nothing.
 */
export async function mustOpenToSomeone(s: { cases: CaseStore }, caseId: string, section: SectionInstance, grantee: Grantee, terms: ShareTerms): Promise<void> {
  const [participants, persons, ctx] = await Promise.all([s.cases.participants(caseId), s.cases.persons(caseId), s.cases.accessContext(caseId)]);
  if (!sharingOpens(grantee, section, participants, persons, ctx, terms)) {
    throw new DomainError('conflict', 'Dit deel is niet gedeeld: wie je het wilt laten lezen, kan het al lezen, of de regisseur heeft die toegang ingetrokken.');
  }
}
