import type { CaseAccessContext, Consent, Grantee, Participant, SectionInstance } from '../caseModel.ts';
import type { OrganisationId, PersonId, UserId } from '../ids.ts';
import { PROFESSIONAL_ROLES, type Role } from '../roles.ts';
import { familyRoleOf } from '../personRole.ts';
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

/** Someone not in the case yet, as `accessFor` would judge them once they are. */
const newcomer = (role: Role, personId: PersonId | null): Viewer => ({ userId: '' as UserId, role, organisationId: '' as OrganisationId, personId });

/** What is shared: on which basis and until when (null: until it is withdrawn). */
export interface ShareTerms {
  basis: Consent['basis'];
  until: string | null;
}

/** What the page offers: a share without an end. */
const LASTING_CONSENT: ShareTerms = { basis: 'toestemming', until: null };
const LASTING_GROUND: ShareTerms = { basis: 'wettelijke_grond', until: null };

/**
 * Whether sharing the section with `grantee` on these terms would open it to anyone: someone it
 * covers cannot read the section on a footing that lasts as long (by `accessFor`), and could with
 * this share. A consent that ends earlier does not count, so a consent can be renewed before it
 * ends; nor does a consent against a legal ground, which the person cannot withdraw. A share a
 * grant of `none` overrides opens nothing. A role or person with nobody in the case yet is judged
 * as a newcomer would be; an organisation with nobody in the case is not known to read it. The one
 * rule for what sharing offers (`shareCandidates`) and what the server takes.
 */
export function sharingOpens(
  grantee: Grantee,
  section: SectionInstance,
  participants: readonly Participant[],
  persons: readonly { id: string; kind: string }[],
  ctx: CaseAccessContext,
  terms: ShareTerms,
): boolean {
  const lasting = ctx.consents.filter(
    (c) => (c.basis === 'wettelijke_grond' || terms.basis === 'toestemming') && (c.until === null || (terms.until !== null && c.until >= terms.until)),
  );
  const before = { ...ctx, consents: lasting };
  const share: Consent = { id: '', caseId: section.caseId, sectionInstanceId: section.id, grantee, ...terms, reason: '', givenBy: '' as UserId, givenAt: ctx.now, withdrawnAt: null };
  const after = { ...ctx, consents: [...lasting, share] };
  const opensFor = (v: Viewer) => accessFor(v, section, before).level === 'none' && accessFor(v, section, after).level !== 'none';
  const covered = participants.filter((p) => !p.emergency && matches(grantee, p));
  if (covered.length > 0) return covered.some(opensFor);
  if (grantee.kind === 'organisation') return true;
  const stranger =
    grantee.kind === 'role' ? newcomer(grantee.role, null) : newcomer(familyRoleOf(persons.find((p) => p.id === grantee.personId)?.kind ?? '') ?? 'netwerk', grantee.personId);
  return opensFor(stranger);
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
  const opens = (grantee: Grantee, terms: ShareTerms) => sharingOpens(grantee, section, participants, persons, ctx, terms);
  return {
    persons: persons.filter((p) => p.id !== section.subjectPersonId && p.kind !== 'kind' && opens({ kind: 'person', personId: p.id as PersonId }, LASTING_CONSENT)).map((p) => p.id),
    consentRoles: CONSENT_ROLES.filter((role) => opens({ kind: 'role', role }, LASTING_CONSENT)),
    legalGroundRoles: PROFESSIONAL_ROLES.filter((role) => opens({ kind: 'role', role }, LASTING_GROUND)),
  };
}
