import { letter } from './letter.ts';
import type { MailMessage } from './mailer.ts';

export interface InvitationMailInput {
  to: string;
  /** The invitee's own name: the only name of the family the mail may carry. */
  inviteeName: string;
  /** The professional who invites, so the invitee knows the mail is real. */
  inviterName: string;
  link: string;
}

/**
 * The invitation e-mail, in plain words (B1). It carries the link and nothing of the case: no
 * case title (it names the family), no other family member, no section text. A mail can be
 * read by someone else in the house, or forwarded.
 */
export function invitationMail({ to, inviteeName, inviterName, link }: InvitationMailInput): MailMessage {
  const text = letter(inviteeName, [
    `${inviterName} nodigt je uit voor Tafel. In Tafel maken we samen één plan, en kun je lezen wat er over jullie is geschreven.`,
    '',
    'Doe je mee? Open dan deze link:',
    link,
    '',
    'De link werkt één keer en alleen voor jou. Geef hem niet aan iemand anders.',
    `Ken je ${inviterName} niet? Dan kun je deze mail weggooien.`,
  ]);
  return { to, subject: 'Uitnodiging voor Tafel', text };
}

export interface AddedMailInput {
  to: string;
  name: string;
  inviterName: string;
  /** Tafel's own address: the case is in the list after signing in; the mail names no case. */
  link: string;
}

/** To a professional added to a case from the directory: no link that signs in, no case content. */
export function addedMail({ to, name, inviterName, link }: AddedMailInput): MailMessage {
  const text = letter(name, [
    `${inviterName} heeft je toegevoegd aan een zaak in Tafel. Log in zoals altijd; de zaak staat in je lijst "Mijn zaken".`,
    '',
    link,
  ]);
  return { to, subject: 'Je bent toegevoegd aan een zaak in Tafel', text };
}
