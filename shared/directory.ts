import { z } from 'zod';
import { OrganisationId } from './ids.ts';
import { PROFESSIONAL_ROLES, type Role } from './roles.ts';

/** The kinds of organisation in the chain (DOMAIN.md); which kind an organisation is, the directory says. */
export const OrganisationKind = z.enum(['lokaal_team', 'veilig_thuis', 'raad', 'gi', 'ggz', 'schuldhulp', 'school', 'crisisdienst', 'anders']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Organisation = z.object({
  id: OrganisationId,
  name: z.string().trim().min(2).max(200),
  kind: OrganisationKind,
  region: z.string().trim().min(2).max(80),
});
export type Organisation = z.infer<typeof Organisation>;

export const ProfessionalRole = z.enum(PROFESSIONAL_ROLES as [Role, ...Role[]]);
export type ProfessionalRole = z.infer<typeof ProfessionalRole>;

/** A professional as the directory knows them: role and organisation are facts about the account. */
export const Professional = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ProfessionalRole,
  organisationId: OrganisationId,
});
export type Professional = z.infer<typeof Professional>;
