import { z } from 'zod';

/** Roles of DOMAIN.md. Family roles read their own file; professionals work in it. */
export const Role = z.enum([
  'regisseur',
  'veilig_thuis',
  'raad',
  'gi',
  'gedragswetenschapper',
  'ouder',
  'jeugdige',
  'netwerk',
]);
export type Role = z.infer<typeof Role>;

export const FAMILY_ROLES: readonly Role[] = ['ouder', 'jeugdige', 'netwerk'];
export const PROFESSIONAL_ROLES: readonly Role[] = Role.options.filter((r) => !FAMILY_ROLES.includes(r));

export function isFamilyRole(role: Role): boolean {
  return FAMILY_ROLES.includes(role);
}

/** Dutch names shown in the UI, plain enough for the family. */
export const ROLE_LABEL: Record<Role, string> = {
  regisseur: 'Regisseur (lokaal team)',
  veilig_thuis: 'Veilig Thuis',
  raad: 'Raad voor de Kinderbescherming',
  gi: 'Jeugdbeschermer (GI)',
  gedragswetenschapper: 'Gedragswetenschapper',
  ouder: 'Ouder',
  jeugdige: 'Jeugdige',
  netwerk: 'Netwerk',
};

/** The role inside a sentence: lower case, except the names of organisations. */
export const roleInText = (role: Role): string => ROLE_IN_TEXT[role];
const ROLE_IN_TEXT: Record<Role, string> = {
  regisseur: 'regisseur (lokaal team)',
  veilig_thuis: 'Veilig Thuis',
  raad: 'Raad voor de Kinderbescherming',
  gi: 'jeugdbeschermer (GI)',
  gedragswetenschapper: 'gedragswetenschapper',
  ouder: 'ouder',
  jeugdige: 'jeugdige',
  netwerk: 'netwerk',
};

/**
 * "Eva Jansen, regisseur (lokaal team)": a person with their role, the one way every page and copy
 * puts them together. Brackets around the label would nest ("(Regisseur (lokaal team))").
 */
export function nameWithRole(name: string, role: Role): string {
  return `${name}, ${roleInText(role)}`;
}
