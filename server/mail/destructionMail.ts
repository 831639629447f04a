import { letter } from './letter.ts';
import type { MailMessage } from './mailer.ts';

export interface DestroyedMailInput {
  to: string;
  /** The recipient's own name: the only name the mail carries. */
  name: string;
  /** Whether this recipient asked for it; the others are not told that anyone did. */
  asked: boolean;
}

/**
 * The mail that the case was destroyed, in plain words (B1). It names no case, no family member,
 * no section and no reason: a mail can be read by someone else in the house, or forwarded. It does
 * not link to Tafel either: there is nothing left to open.
 */
export function destroyedMail({ to, name, asked }: DestroyedMailInput): MailMessage {
  const what = asked ? ['Je hebt gevraagd om het dossier in Tafel te vernietigen. Dat is gebeurd: het dossier is vernietigd.'] : ['Het dossier van jullie gezin in Tafel is vernietigd.'];
  const text = letter(name, [...what, 'Alles wat erin stond, is weg. Niemand kan het nog openen in Tafel, ook jij niet.', '', 'Heb je hier een vraag over? Neem dan contact op met je hulpverlener.']);
  return { to, subject: 'Het dossier is vernietigd', text };
}
