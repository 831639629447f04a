import type { Role } from './roles.ts';

/**
 * The family role that each kind of person of the case (as stored: `ouder`, `kind`, `netwerk`)
 * is invited in. A parent's account is a parent's: the role follows who the person is in the family.
 */
const ROLE_OF_KIND: Readonly<Record<string, Role>> = { ouder: 'ouder', kind: 'jeugdige', netwerk: 'netwerk' };

/** The family role of a kind of person, or undefined for a kind Tafel does not know. */
export const familyRoleOf = (kind: string): Role | undefined => (Object.hasOwn(ROLE_OF_KIND, kind) ? ROLE_OF_KIND[kind] : undefined);

/**
 * Whether this person of the case can be invited in this family role. The one rule for whom the
 * invitation form offers and what the server takes; a professional role fits no person.
 */
export function fitsFamilyRole(person: { kind: string }, role: Role): boolean {
  return familyRoleOf(person.kind) === role;
}
