import { z } from 'zod';
import { EmailAddress } from './email.ts';
import { Role } from './roles.ts';

/**
 * Invitations as the participants page sees them (`/api/cases/:caseId/invitations`), and the
 * invitation of a network person who is not yet a person of the case.
 */

/** A teacher or neighbour invited as `netwerk` who is not yet a person of the case: made one now, with the relation. */
export const NetworkInvitation = z.object({
  name: z.string().trim().min(1, 'Vul een naam in.').max(120),
  email: EmailAddress,
  role: z.literal('netwerk'),
  relation: z.string().trim().min(2, 'Schrijf op wie dit is voor het gezin (bijvoorbeeld: leerkracht, buurvrouw).').max(80),
});
export type NetworkInvitation = z.infer<typeof NetworkInvitation>;

/** How the mail of an invitation went: sent, waiting to be tried again, no SMTP server, or given up. */
export const MailState = z.enum(['verstuurd', 'wacht', 'geen-smtp', 'opgegeven']);
export type MailState = z.infer<typeof MailState>;

export const InvitationState = z.enum(['open', 'gebruikt', 'verlopen', 'ingetrokken']);
export type InvitationState = z.infer<typeof InvitationState>;

export const InvitationSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string(),
  state: InvitationState,
  mail: MailState.nullable(),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;

/**
 * The answer to an invitation. `link`: for the regisseur to pass on herself when the mail did not
 * go out (absent for a professional, who is added at once); `mail`: how the mail went; `added`:
 * a professional from the directory is in the case now.
 */
export const InvitationOutcome = z.object({
  link: z.string().optional(),
  mailed: z.boolean(),
  mail: z.enum(['verstuurd', 'wacht', 'geen-smtp']),
  added: z.boolean(),
});
export type InvitationOutcome = z.infer<typeof InvitationOutcome>;
