import { createHash, randomUUID } from 'node:crypto';
import { NoticeKind } from '../../shared/notices.ts';
import { LogMailer } from '../mail/mailer.ts';
import type { Services } from '../services.ts';
import { requeueLateMail } from './lateMail.ts';
import { noticeMail } from './noticeMail.ts';
import { sharesMail } from './notices.ts';
import type { Selectable } from 'kysely';
import { type NoticeMailsTable, noticeDb } from './noticeTables.ts';

type MailRow = Selectable<NoticeMailsTable>;

export type OutboxDeps = Pick<Services, 'sql' | 'mailer' | 'publicOrigin' | 'log'>;

export interface OutboxOptions {
  /** The clock; tests pass theirs. */
  now?: () => Date;
  /** How long a claim holds before another process may take the mail over (a process that died). */
  leaseMs?: number;
  /** After this many failed tries (30: about a day of retries) a mail is `mislukt` and stays so (the outbox shows it). */
  maxAttempts?: number;
}

/** The wait before try n+1 after n failures: 30 s, 1, 2, 4 … minutes, at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/**
 * Sends the outbox, from any number of processes at once. A process claims one mail at a time in
 * one statement (`state = 'bezig'`, its own id, a lease): on PostgreSQL the row is picked with
 * `FOR UPDATE SKIP LOCKED`, on SQLite the single writer makes the update atomic, so two processes
 * never hold the same mail. Only after the SMTP server took it is it `verstuurd`; a failure puts it
 * back with a later next attempt. Closing waits for the mail in hand and claims no more, so a
 * restart sends nothing twice; what was not yet claimed stays `wacht` for the next process. A
 * process that dies holding a claim leaves one mail whose fate is unknown: after the lease it is
 * tried again (better one mail twice than a notice lost). Delivery is at least once: a copy is
 * possible only when the process died between the SMTP server's acceptance and the commit of
 * `verstuurd` right after it, and every try carries the same Message-ID ({@link messageIdOf}).
 */
export class NoticeOutbox {
  private readonly worker = `outbox-${randomUUID()}`;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private closed = false;
  private lateMailQueued = false;
  private running: Promise<number> | null = null;

  constructor(
    private readonly s: OutboxDeps,
    opts: OutboxOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.maxAttempts = opts.maxAttempts ?? 30;
  }

  /** Sends every mail that is due, one after another; resolves with how many the SMTP server took. A run in progress is joined. */
  deliverDue(): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Claims no more mail and waits for the one in hand. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running?.catch(() => 0);
  }

  private async run(): Promise<number> {
    if (!this.lateMailQueued && this.s.mailer.configured) {
      // Once per process: what waited for a mail server while there was none (lateMail.ts).
      this.lateMailQueued = true;
      const queued = await requeueLateMail(this.s.sql, this.now());
      if (queued > 0) this.s.log(`${queued} meldingsmail(s) van zonder mailserver alsnog in de wachtrij`);
    }
    let sent = 0;
    while (!this.closed) {
      const mail = await this.claim();
      if (!mail) break;
      if (await this.send(mail)) sent++;
    }
    return sent;
  }

  private async claim(): Promise<MailRow | undefined> {
    const db = noticeDb(this.s.sql);
    const now = this.now();
    const at = now.toISOString();
    const postgres = this.s.sql.dialect === 'postgres';
    return db
      .updateTable('notice_mails')
      .set((eb) => ({ state: 'bezig', claimed_by: this.worker, claimed_until: new Date(now.getTime() + this.leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('notice_mails')
          .select('id')
          .where((w) => w.or([w.and([w('state', '=', 'wacht'), w('next_attempt_at', '<=', at)]), w.and([w('state', '=', 'bezig'), w('claimed_until', '<', at)])]))
          .orderBy('id')
          .limit(1)
          .$if(postgres, (q) => q.forUpdate().skipLocked()),
      )
      .returningAll()
      .executeTakeFirst();
  }

  /** Sends one claimed mail and records the outcome, if the claim is still this process's. */
  private async send(mail: MailRow): Promise<boolean> {
    const db = noticeDb(this.s.sql);
    const user = await db.selectFrom('users').select(['email', 'name']).where('id', '=', mail.user_id).executeTakeFirst();
    const ids = (JSON.parse(mail.notice_ids) as number[]).filter(Number.isInteger);
    let notices = ids.length ? await db.selectFrom('notices').select(['kind', 'until', 'case_id']).where('id', 'in', ids).where('user_id', '=', mail.user_id).execute() : [];
    const [first] = notices;
    if (first?.until && sharesMail(first.kind)) {
      // One mail for the sections shared together: it says how many.
      notices = await db.selectFrom('notices').select(['kind', 'until', 'case_id']).where('user_id', '=', mail.user_id).where('kind', '=', first.kind).where('case_id', '=', first.case_id).where('until', '=', first.until).execute();
    }
    const mine = db.updateTable('notice_mails').where('id', '=', mail.id).where('claimed_by', '=', this.worker);
    if (!user || notices.length === 0) {
      await mine.set({ state: 'mislukt', claimed_by: null, last_error: 'geen ontvanger of melding meer' }).execute();
      return false;
    }
    const message = noticeMail({
      to: user.email,
      name: user.name,
      notices: notices.map((n) => ({ kind: NoticeKind.parse(n.kind), until: n.until })),
      link: `${this.s.publicOrigin()}/meldingen`,
    });
    const outcome = await this.s.mailer.send({ ...message, messageId: messageIdOf(mail, this.s.publicOrigin()) });
    const at = this.now().toISOString();
    // Recorded at once, in one statement: a crash between the SMTP server's "250" and this commit
    // (milliseconds) is the only way a mail goes twice; the copy then has the same Message-ID.
    if (outcome === 'sent') {
      // `claimed_by` stays: which process sent it.
      await mine.set({ state: 'verstuurd', sent_at: at, claimed_until: null, last_error: null }).execute();
      return true;
    }
    if (this.s.mailer instanceof LogMailer) {
      await mine.set({ state: 'geen-smtp', claimed_by: null, claimed_until: null, last_error: 'geen TAFEL_SMTP_URL' }).execute();
      return false;
    }
    const last = mail.attempts >= this.maxAttempts;
    await mine
      .set({
        state: last ? 'mislukt' : 'wacht',
        next_attempt_at: new Date(this.now().getTime() + retryDelayMs(mail.attempts)).toISOString(),
        claimed_by: null,
        claimed_until: null,
        last_error: 'de mailserver was niet bereikbaar of weigerde de mail',
      })
      .execute();
    return false;
  }
}

/**
 * The Message-ID of one outbox mail, the same on every try: from the row's unique key, recipient
 * and time queued (so a reused row id after a restore gets a new one), at the host of the public
 * address (so two deployments never share one). Says nothing of the case or the person.
 */
export function messageIdOf(mail: Pick<MailRow, 'unique_key' | 'user_id' | 'created_at'>, publicOrigin: string): string {
  const digest = createHash('sha256').update(JSON.stringify([mail.unique_key, mail.user_id, mail.created_at])).digest('hex').slice(0, 32);
  return `<melding.${digest}@${new URL(publicOrigin).hostname}>`;
}

/** Mails waiting to go out (queued, waiting to retry, or in hand): the `/metrics` gauge. */
export async function queuedMails(s: Pick<Services, 'sql'>): Promise<number> {
  const row = await noticeDb(s.sql)
    .selectFrom('notice_mails')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', 'in', ['wacht', 'bezig'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
