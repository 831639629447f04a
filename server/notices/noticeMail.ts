import { NOTICE_KINDS, type NoticeKind } from '../../shared/notices.ts';
import { letter } from '../mail/letter.ts';
import type { MailMessage } from '../mail/mailer.ts';

/** What a notice mail may say: whose it is, which kinds, and where to look. Nothing of the case. */
export interface NoticeMailInput {
  to: string;
  /** The recipient's own name. */
  name: string;
  /** One kind (with its date), or several for the daily mail. */
  notices: readonly { kind: NoticeKind; until: string | null }[];
  /** `<origin>/meldingen`: the reader signs in and sees there what they may see. */
  link: string;
}

const LESS_MAIL = 'Wil je minder e-mail? Kies bij Meldingen in Tafel hoe je berichten wilt krijgen.';

/**
 * A notice mail in plain words (B1). It says what kind of thing happened and links to the Meldingen
 * page; no case title, no name of anyone else, no section or comment text, so a mail read by
 * someone else in the house or forwarded tells them nothing about the family.
 */
export function noticeMail({ to, name, notices, link }: NoticeMailInput): MailMessage {
  const [first] = notices;
  if (notices.length === 1 && first) {
    const text = letter(name, [NOTICE_KINDS[first.kind].text(first.until), '', 'Kijk in Tafel wat er is:', link, '', LESS_MAIL]);
    return { to, subject: 'Nieuwe melding in Tafel', text };
  }
  const counts = new Map<NoticeKind, number>();
  for (const n of notices) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const lines = [...counts].map(([kind, count]) => `- ${NOTICE_KINDS[kind].label}${count > 1 ? ` (${count} keer)` : ''}`);
  const text = letter(name, [`Je hebt ${notices.length} nieuwe meldingen in Tafel:`, ...lines, '', 'Kijk in Tafel wat er is:', link, '', LESS_MAIL]);
  return { to, subject: `${notices.length} nieuwe meldingen in Tafel`, text };
}
