import type { Role } from './roles.ts';

/**
 * Which kind of person of the case (as stored: `ouder`, `kind`, `netwerk`) each family role is
 * bound to. A parent's account is a parent's: the role follows who the person is in the family.
 */
const PERSON_KIND_OF_ROLE: Partial<Record<Role, string>> = { ouder: 'ouder', jeugdige: 'kind', netwerk: 'netwerk' };

/**
 * Whether this person of the case can be invited in this family role. The one rule for whom the
 * invitation form offers and what the server takes; a professional role fits no person.
 */
export function fitsFamilyRole(person: { kind: string }, role: Role): boolean {
  return PERSON_KIND_OF_ROLE[role] === person.kind;
}
