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

/**
 * Who sharing a section would still open it to: a grantee is offered only while someone it covers
 * cannot read the section (by `accessFor`), so nobody is offered who already reads it. A role or
 * person with nobody in the case yet is judged as a newcomer would be.
 */
export function shareCandidates(
  section: SectionInstance,
  participants: readonly Participant[],
  persons: readonly { id: string; kind: string }[],
  ctx: CaseAccessContext,
): ShareCandidates {
  const newcomer = (role: Role, personId: PersonId | null): Viewer => ({ userId: '' as UserId, role, organisationId: '' as OrganisationId, personId });
  const stillClosed = (grantee: Grantee, stranger: Viewer) => {
    const covered = participants.filter((p) => !p.emergency && matches(grantee, p));
    return (covered.length > 0 ? covered : [stranger]).some((v) => accessFor(v, section, ctx).level === 'none');
  };
  const roleClosed = (role: Role) => stillClosed({ kind: 'role', role }, newcomer(role, null));
  const personClosed = (p: { id: string; kind: string }) => {
    const personId = p.id as PersonId;
    return stillClosed({ kind: 'person', personId }, newcomer(ROLE_OF_KIND[p.kind] ?? 'netwerk', personId));
  };
  return {
    persons: persons.filter((p) => p.id !== section.subjectPersonId && p.kind !== 'kind' && personClosed(p)).map((p) => p.id),
    consentRoles: CONSENT_ROLES.filter(roleClosed),
    legalGroundRoles: PROFESSIONAL_ROLES.filter(roleClosed),
  };
}
