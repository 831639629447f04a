import { z } from 'zod';
import { Organisation, ProfessionalRole } from './directory.ts';

/**
 * What the beheerder page sends and gets (`/api/directory`): an organisation's own part of the
 * directory, its professionals with name, e-mail address and role.
 */
const Email = z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in.').max(200);
const Name = z.string().trim().min(2, 'Vul een naam in (minstens 2 tekens).').max(200, 'De naam is te lang.');
const RoleField = z.enum(ProfessionalRole.options, { message: 'Kies een rol.' });

export const NewProfessional = z.object({ email: Email, name: Name, role: RoleField });
export type NewProfessional = z.infer<typeof NewProfessional>;

/** A correction of name or role; the e-mail address is the account and stays. */
export const ProfessionalChange = z.object({ name: Name.optional(), role: RoleField.optional() }).refine((c) => c.name !== undefined || c.role !== undefined, 'Geef een nieuwe naam of rol.');
export type ProfessionalChange = z.infer<typeof ProfessionalChange>;

export const DirectoryEntry = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: ProfessionalRole });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

/** The organisations the caller keeps, each with its professionals; empty for someone who keeps none. */
export const KeptDirectory = z.object({ organisations: z.array(Organisation.extend({ professionals: z.array(DirectoryEntry) })) });
export type KeptDirectory = z.infer<typeof KeptDirectory>;

/** A professional added; `password` only when a new account was made (shown once, to pass on safely). */
export const ProfessionalAdded = z.object({ userId: z.string(), password: z.string().nullable() });
