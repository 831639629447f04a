import type { CaseAccessContext, Grantee, Participant, SectionInstance } from '../caseModel.ts';
import type { OrganisationId, PersonId, UserId } from '../ids.ts';
import { PROFESSIONAL_ROLES, type Role } from '../roles.ts';
import { accessFor, matches, type Viewer } from './accessFor.ts';

/** The roles a person may give consent to for a section about themselves. */
export const CONSENT_ROLES: readonly Role[] = ['regisseur', 'veilig_thuis', 'gi'];

export interface ShareCandidates {
  /** Persons of the case to give consent to (not the subject, not a child). */
  persons: string[];
  /** Roles the subject may give consent to. */
  consentRoles: Role[];
  /** Roles a professional may record a legal ground for. */
  legalGroundRoles: Role[];
}

/** The role a person without an account would have once invited. */
const ROLE_OF_KIND: Record<string, Role> = { ouder: 'ouder', kind: 'jeugdige', netwerk: 'netwerk' };

/** Someone not in the case yet, as `accessFor` would judge them once they are. */
const newcomer = (role: Role, personId: PersonId | null): Viewer => ({ userId: '' as UserId, role, organisationId: '' as OrganisationId, personId });

/**
 * Whether sharing the section with `grantee` would open it to anyone: someone it covers cannot
 * read the section now (by `accessFor`). A role or person with nobody in the case yet is judged as
 * a newcomer would be; an organisation with nobody in the case is not known to read it. The one
 * rule for what sharing offers (`shareCandidates`) and what the server takes.
 */
export function sharingOpens(
  grantee: Grantee,
  section: SectionInstance,
  participants: readonly Participant[],
  persons: readonly { id: string; kind: string }[],
  ctx: CaseAccessContext,
): boolean {
  const covered = participants.filter((p) => !p.emergency && matches(grantee, p));
  if (covered.length > 0) return covered.some((v) => accessFor(v, section, ctx).level === 'none');
  if (grantee.kind === 'organisation') return true;
  const stranger =
    grantee.kind === 'role' ? newcomer(grantee.role, null) : newcomer(ROLE_OF_KIND[persons.find((p) => p.id === grantee.personId)?.kind ?? ''] ?? 'netwerk', grantee.personId);
  return accessFor(stranger, section, ctx).level === 'none';
}

/**
 * Who sharing a section would still open it to: a grantee is offered only while someone it covers
 * cannot read the section ({@link sharingOpens}), so nobody is offered who already reads it.
 */
export function shareCandidates(
  section: SectionInstance,
  participants: readonly Participant[],
  persons: readonly { id: string; kind: string }[],
  ctx: CaseAccessContext,
): ShareCandidates {
  const opens = (grantee: Grantee) => sharingOpens(grantee, section, participants, persons, ctx);
  const roleClosed = (role: Role) => opens({ kind: 'role', role });
  return {
    persons: persons.filter((p) => p.id !== section.subjectPersonId && p.kind !== 'kind' && opens({ kind: 'person', personId: p.id as PersonId })).map((p) => p.id),
    consentRoles: CONSENT_ROLES.filter(roleClosed),
    legalGroundRoles: PROFESSIONAL_ROLES.filter(roleClosed),
  };
}
