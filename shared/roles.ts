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
