import { type Keeper, may } from '../../shared/access/may.ts';
import type { RetentionTermChange } from '../../shared/retention.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { Directory } from '../directory/directory.ts';
import { DomainError } from '../domainError.ts';
import type { RetentionStore } from '../store/retentionStore.ts';

export interface TermDeps {
  retention: RetentionStore;
  directory: Directory;
  audit: AuditLog;
  defaultYears: number;
}

/** An organisation's own term: what the page "Beheer" shows; `years` null means the default applies. */
export interface OrganisationTerm {
  years: number | null;
  defaultYears: number;
}

async function mayKeepTerm(d: TermDeps, userId: string, organisationId: string): Promise<void> {
  const keeper: Keeper = { userId, keeps: await d.directory.keptBy(userId) };
  const verdict = may(keeper, 'set-retention-term', { organisationId });
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
}

export async function organisationTerm(d: TermDeps, userId: string, organisationId: string): Promise<OrganisationTerm> {
  await mayKeepTerm(d, userId, organisationId);
  return { years: (await d.retention.terms()).get(organisationId)?.years ?? null, defaultYears: d.defaultYears };
}

/**
 * The beheerder sets their organisation's term (null: back to the default). It counts for every
 * case the organisation takes part in, closed ones too: the longest term in a case governs it.
 */
export async function setOrganisationTerm(d: TermDeps, userId: string, organisationId: string, body: RetentionTermChange): Promise<OrganisationTerm> {
  await mayKeepTerm(d, userId, organisationId);
  if (!(await d.retention.setTerm(organisationId, body.years))) throw new DomainError('not_found', 'Deze organisatie staat niet in de directory.');
  await d.audit.record({ event: 'bewaartermijn-gewijzigd', userId, role: 'beheerder', organisationId, detail: JSON.stringify({ organisatie: organisationId, jaren: body.years ?? 'standaard' }) });
  return { years: body.years, defaultYears: d.defaultYears };
}
