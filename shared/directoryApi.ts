import { z } from 'zod';
import { Organisation, ProfessionalRole } from './directory.ts';
import { EmailAddress } from './email.ts';
import { Werkdag } from './familyHome.ts';
import { DutchPhone } from './phone.ts';

/**
 * What the beheerder page sends and gets (`/api/directory`): an organisation's own part of the
 * directory, its professionals with name, e-mail address and role.
 */
const Name = z.string().trim().min(2, 'Vul een naam in (minstens 2 tekens).').max(200, 'De naam is te lang.');
const RoleField = z.enum(ProfessionalRole.options, { message: 'Kies een rol.' });

export const NewProfessional = z.object({ email: EmailAddress, name: Name, role: RoleField });
export type NewProfessional = z.infer<typeof NewProfessional>;

/** How a family reaches a professional (the "wie helpt ons" of the family's home page). */
export const ContactDetails = z.object({
  phone: DutchPhone,
  workingDays: z.array(Werkdag).max(5).refine((days) => new Set(days).size === days.length, 'Kies elke werkdag hoogstens één keer.'),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

/**
 * A correction of name, e-mail address, role or contact details (`contact: null` removes them).
 * A new address is where sign-in and mail go from then on; it must not be another account's.
 */
export const ProfessionalChange = z
  .object({ name: Name.optional(), email: EmailAddress.optional(), role: RoleField.optional(), contact: ContactDetails.nullable().optional() })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'Geef aan wat er verandert.');
export type ProfessionalChange = z.infer<typeof ProfessionalChange>;

export const DirectoryEntry = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: ProfessionalRole, contact: ContactDetails.nullable().default(null) });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

/** The organisations the caller keeps, each with its professionals; empty for someone who keeps none. */
export const KeptDirectory = z.object({ organisations: z.array(Organisation.extend({ professionals: z.array(DirectoryEntry) })) });
export type KeptDirectory = z.infer<typeof KeptDirectory>;

/** A professional added; `password` only when a new account was made (shown once, to pass on safely). */
export const ProfessionalAdded = z.object({ userId: z.string(), password: z.string().nullable() });
