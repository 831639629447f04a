import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../../shared/ids.ts';
import type { SecretBox } from '../secrets/secretBox.ts';
import type { SqlStore } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import type { MailMessage, Mailer } from './mailer.ts';

/** `sent`: the SMTP server took it. `retrying`: it did not; kept and tried again. `no-smtp`: none is configured. */
export type QueuedOutcome = 'sent' | 'retrying' | 'no-smtp';

/** How often a mail is tried before it is given up, and the waits between (doubling, at most an hour). */
const MAX_ATTEMPTS = 8;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 3600_000;
/** A process that takes a due mail holds it this long, so two processes do not both send it. */
const CLAIM_MS = 120_000;
export const RETRY_SWEEP_MS = 15_000;

const waitAfter = (attempts: number) => Math.min(FIRST_WAIT_MS * 2 ** (attempts - 1), LONGEST_WAIT_MS);

/**
 * Mail that must arrive (an invitation, the word that a case was destroyed): sent at once, and
 * when the SMTP server is down or refuses, kept in `mail_queue` and tried again, also after a
 * restart. The text is kept sealed (it may hold a sign-in link); the row goes once the mail is sent
 * or given up, and an invitation's `mail_state` follows (`verstuurd`, `wacht`, `opgegeven`).
 * Nothing is logged about the recipient. Delivery is at least once: a process that dies after the
 * SMTP server took a mail and before the row is removed sends it again, with the Message-ID chosen
 * when it was queued ({@link MailQueue.messageIdFor}), so the copy is one a receiver can drop.
 */
export class MailQueue {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sql: SqlStore,
    private readonly mailer: Mailer,
    private readonly box: SecretBox,
    private readonly publicOrigin: () => string,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  async send(message: MailMessage, invitationHash: string | null = null): Promise<QueuedOutcome> {
    if (!this.mailer.configured) {
      await this.mark(invitationHash, 'geen-smtp');
      return 'no-smtp';
    }
    const id = newId('mail');
    const messageId = this.messageIdFor(id);
    if ((await this.mailer.send({ ...message, messageId })) === 'sent') {
      await this.mark(invitationHash, 'verstuurd');
      return 'sent';
    }
    const now = Date.now();
    await this.sql.db
      .insertInto('mail_queue')
      .values({
        id,
        message_id: messageId,
        recipient: message.to,
        subject: message.subject,
        sealed_text: this.box.seal(message.text),
        invitation_hash: invitationHash,
        attempts: 1,
        next_attempt_at: new Date(now + waitAfter(1)).toISOString(),
        created_at: new Date(now).toISOString(),
      })
      .execute();
    await this.mark(invitationHash, 'wacht');
    return 'retrying';
  }

  /**
   * Queues a mail, due at once, in the caller's transaction: it is kept exactly when what it tells
   * of is committed, whatever becomes of the process after (a mail about something that is about to
   * be removed, written while the address is still known). Send it after the commit with
   * `retryDue(now, [id])`; else the sweep of any process does. Without an SMTP server nothing is
   * queued (as `send`): null.
   */
  async queueIn(trx: Kysely<Database>, message: MailMessage, now = new Date()): Promise<string | null> {
    if (!this.mailer.configured) {
      this.log(`mail niet verstuurd (geen TAFEL_SMTP_URL): "${message.subject}"`);
      return null;
    }
    const id = newId('mail');
    const at = now.toISOString();
    await trx
      .insertInto('mail_queue')
      .values({
        id,
        message_id: this.messageIdFor(id),
        recipient: message.to,
        subject: message.subject,
        sealed_text: this.box.seal(message.text),
        invitation_hash: null,
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
      })
      .execute();
    return id;
  }

  /** Tries every mail that is due at `now` once more (or only those of `only`); returns how many went out. */
  async retryDue(now = new Date(), only?: readonly string[]): Promise<number> {
    if (only?.length === 0) return 0;
    const due = await this.sql.db
      .selectFrom('mail_queue')
      .selectAll()
      .where('next_attempt_at', '<=', now.toISOString())
      .$if(only !== undefined, (q) => q.where('id', 'in', only ?? []))
      .orderBy('next_attempt_at')
      .limit(50)
      .execute();
    let sent = 0;
    for (const row of due) {
      // A row queued before Message-IDs were kept gets one now, with its claim, and keeps it.
      const messageId = row.message_id ?? this.messageIdFor(row.id);
      // Claim it: only the process whose update lands sends it.
      const claimed = await this.sql.db
        .updateTable('mail_queue')
        .set({ next_attempt_at: new Date(now.getTime() + CLAIM_MS).toISOString(), message_id: messageId })
        .where('id', '=', row.id)
        .where('next_attempt_at', '=', row.next_attempt_at)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      let text: string;
      try {
        text = this.box.open(row.sealed_text);
      } catch (e) {
        // Sealed with another key (TAFEL_SECRET_KEY changed): it can never be sent.
        this.log('a queued mail could not be opened; given up', e);
        await this.giveUp(row.id, row.invitation_hash);
        continue;
      }
      if ((await this.mailer.send({ to: row.recipient, subject: row.subject, text, messageId })) === 'sent') {
        await this.sql.db.deleteFrom('mail_queue').where('id', '=', row.id).execute();
        await this.mark(row.invitation_hash, 'verstuurd');
        sent++;
      } else if (row.attempts + 1 >= MAX_ATTEMPTS) {
        this.log(`mail "${row.subject}" given up after ${MAX_ATTEMPTS} attempts`);
        await this.giveUp(row.id, row.invitation_hash);
      } else {
        await this.sql.db
          .updateTable('mail_queue')
          .set({ attempts: row.attempts + 1, next_attempt_at: new Date(now.getTime() + waitAfter(row.attempts + 1)).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return sent;
  }

  /** Drops what is queued for an invitation that was revoked or replaced: that link no longer works. */
  async forget(invitationHash: string): Promise<void> {
    await this.sql.db.deleteFrom('mail_queue').where('invitation_hash', '=', invitationHash).execute();
  }

  /** Looks for due mail every `everyMs`, until `stop`. */
  start(everyMs = RETRY_SWEEP_MS): void {
    if (this.timer || !this.mailer.configured) return;
    this.timer = setInterval(() => void this.retryDue().catch((e) => this.log('mail retry', e)), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * The Message-ID of one queued mail, chosen once: its queue id and a random part (so an id used
   * again after a restore still gets a new one), at the host of the public address (so two
   * deployments never share one). Says nothing of the case or the person.
   */
  private messageIdFor(id: string): string {
    return `<${id}.${randomBytes(8).toString('hex')}@${new URL(this.publicOrigin()).hostname}>`;
  }

  private async giveUp(id: string, invitationHash: string | null): Promise<void> {
    await this.sql.db.deleteFrom('mail_queue').where('id', '=', id).execute();
    await this.mark(invitationHash, 'opgegeven');
  }

  private async mark(invitationHash: string | null, state: 'verstuurd' | 'wacht' | 'geen-smtp' | 'opgegeven'): Promise<void> {
    if (invitationHash) await this.sql.db.updateTable('invitations').set({ mail_state: state }).where('token_hash', '=', invitationHash).execute();
  }
}

const queues = new WeakMap<object, MailQueue>();

/**
 * The mail queue of one running server (keyed by its services): made, and its retry started, on
 * first use; `stop` it when the server closes.
 */
export function mailQueueOf(s: { sql: SqlStore; mailer: Mailer; secrets: SecretBox; publicOrigin: () => string; log: (msg: string, err?: unknown) => void }): MailQueue {
  let queue = queues.get(s);
  if (!queue) {
    queue = new MailQueue(s.sql, s.mailer, s.secrets, s.publicOrigin, s.log);
    queue.start();
    queues.set(s, queue);
  }
  return queue;
}
