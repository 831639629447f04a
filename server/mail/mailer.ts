import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** One e-mail as Tafel sends it: plain text only, so no name in it can become markup. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Files sent along, such as the calendar file (.ics) of a Tafel invitation. */
  attachments?: readonly MailAttachment[];
  /**
   * The Message-ID (`<…@host>`), when every try of one mail must carry the same: a mail sent again
   * after a crash (see notices/outbox.ts) is then a copy a receiving server or mail program can drop.
   */
  messageId?: string;
}

export interface MailAttachment {
  filename: string;
  content: string;
  /** `text/calendar; method=PUBLISH` for a meeting a calendar can add. */
  contentType: string;
}

/** `sent`: the SMTP server took it. `not-sent`: no SMTP server is configured, or it refused or was down. */
export type MailOutcome = 'sent' | 'not-sent';

export interface Mailer {
  /** False when no SMTP server is configured: then nothing is ever sent, and retrying is useless. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<MailOutcome>;
  close(): void;
}

/** Bounded waits, so a request that sends a mail answers even when the SMTP server hangs. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Sends over SMTP (`TAFEL_SMTP_URL`, `smtp://[user:pass@]host:port` or `smtps://`). A failure is
 * logged with the reason only: not the recipient (an address names a person of a case), never the
 * message (it holds a sign-in link).
 */
export class SmtpMailer implements Mailer {
  readonly configured = true;
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {
    // nodemailer merges the settings parsed from `url` with the others given here.
    this.transport = nodemailer.createTransport({ url, ...TIMEOUTS } as SMTPTransport.Options);
  }

  async send(message: MailMessage): Promise<MailOutcome> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.attachments ? { attachments: message.attachments.map((a) => ({ ...a })) } : {}),
      });
      return 'sent';
    } catch (e) {
      this.log(`mail "${message.subject}" niet verstuurd: ${smtpReason(e)}`);
      return 'not-sent';
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** Why SMTP failed, without what the error may quote of the message or its envelope (addresses). */
function smtpReason(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown };
  const parts = [typeof err.code === 'string' ? err.code : null, typeof err.responseCode === 'number' ? `SMTP ${err.responseCode}` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'onbekende fout';
}

/**
 * Without an SMTP server: says in the server log that a mail was not sent, not to whom nor what
 * it says. A log line holding an invitation link would be a secret in a log, an address would
 * name a person of a case; the inviting professional sees the link in the app instead.
 */
export class LogMailer implements Mailer {
  readonly configured = false;
  constructor(private readonly log: (msg: string) => void) {}

  async send(message: MailMessage): Promise<MailOutcome> {
    this.log(`mail niet verstuurd (geen TAFEL_SMTP_URL): "${message.subject}"`);
    return 'not-sent';
  }

  close(): void {}
}

/** The mailer the configuration asks for. */
export function createMailer(smtpUrl: string | undefined, from: string, log: (msg: string, err?: unknown) => void): Mailer {
  return smtpUrl ? new SmtpMailer(smtpUrl, from, log) : new LogMailer(log);
}
