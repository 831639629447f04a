import { randomUUID } from 'node:crypto';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { NOTICE_KINDS, type NoticeDelivery, NoticeKind, receivesNotice } from '../../shared/notices.ts';
import { Role } from '../../shared/roles.ts';
import type { SqlStore } from '../store/db.ts';
import { signalNotices } from './noticeSignal.ts';
import { noticeDb } from './noticeTables.ts';

export type { NoticeKind };

/** What a module tells {@link notify}. */
export interface NoticeInput {
  kind: NoticeKind;
  /** The recipient (users.id). Call once per recipient; only for someone who may see what the link opens. */
  userId: string;
  caseId: string;
  /** The section the notice is about, if any: the list leaves the notice out once its reader may not read it. */
  sectionId?: string | null;
  /** A path in the app (`/zaken/<caseId>`), never a token or other secret: it is stored and mailed. */
  link: string;
  /** A date of the event (`YYYY-MM-DD`): end of the reaction period, day of the Tafel, end of a consent. */
  until?: string | null;
  /**
   * Makes the call idempotent: a second notice with the same key for the same recipient is not made
   * (a sweep that runs in two processes, a retried request). Default: a fresh key, so every call counts.
   */
  key?: string;
  /** `false` when the caller sends its own mail for this event (the invitation mail): app only. */
  mail?: boolean;
  /** The moment of the event; default now (tests and the scheduler pass their clock). */
  at?: Date;
}

/**
 * Tells one person something, durably: `notify(services, { kind, userId, caseId, link, ... })`.
 * Writes the notice and, by the person's choice for the kind, queues its mail in the outbox (in one
 * transaction), so a crash after this resolves loses nothing and the mail goes out once, from any
 * process. The notice holds no case content: its text comes from the kind (`shared/notices.ts`).
 * Resolves with the notice id, or `null` when a notice with this `key` existed already, or when the
 * kind is not for the recipient's role in the case (`receivesNotice`, the rule the settings show).
 *
 * Takes anything with the SQL store (`Services` does), so stores and commands can call it too.
 * Call it outside a transaction of your own (it opens one; on SQLite a nested one would wait).
 */
export async function notify(s: { sql: SqlStore }, input: NoticeInput): Promise<number | null> {
  const kind = NoticeKind.parse(input.kind);
  const at = input.at ?? new Date();
  const db = noticeDb(s.sql);
  const id = await db.transaction().execute(async (trx) => {
    // By the recipient's role in the case; an account invited into it is not in it yet.
    const member = await trx.selectFrom('participants').select('role').where('case_id', '=', input.caseId).where('user_id', '=', input.userId).where('removed_at', 'is', null).executeTakeFirst();
    if (member && !receivesNotice(Role.parse(member.role), kind)) return null;
    const pref = await trx.selectFrom('notice_preferences').select('delivery').where('user_id', '=', input.userId).where('kind', '=', kind).executeTakeFirst();
    const delivery = input.mail === false ? 'alleen-app' : ((pref?.delivery as NoticeDelivery | undefined) ?? NOTICE_KINDS[kind].defaultDelivery);
    const mailState = delivery === 'direct' ? 'direct' : delivery === 'dagelijks' ? 'digest' : 'none';
    const row = await trx
      .insertInto('notices')
      .values({
        user_id: input.userId,
        kind,
        case_id: input.caseId,
        section_id: input.sectionId ?? null,
        link: input.link,
        until: input.until ?? null,
        dedupe_key: input.key ?? randomUUID(),
        created_at: at.toISOString(),
        read_at: null,
        mail_state: mailState,
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    if (mailState === 'direct') {
      const uniqueKey = mailKeyOf({ id: row.id, user_id: input.userId, kind, case_id: input.caseId, until: input.until ?? null, created_at: at.toISOString() });
      await trx
        .insertInto('notice_mails')
        .values({
          unique_key: uniqueKey,
          user_id: input.userId,
          kind,
          notice_ids: JSON.stringify([row.id]),
          state: 'wacht',
          attempts: 0,
          next_attempt_at: at.toISOString(),
          claimed_by: null,
          claimed_until: null,
          last_error: null,
          created_at: at.toISOString(),
          sent_at: null,
        })
        .onConflict((oc) => oc.column('unique_key').doNothing())
        .execute();
    }
    return row.id;
  });
  // After the commit: the person's open pages count again (noticeSignal.ts).
  if (id !== null) signalNotices(s.sql, input.userId);
  return id;
}

/**
 * The outbox row a notice's mail is: a deadline mail says only that something is due, so one a
 * day whatever the number of items; the sections shared for a reaction with one end date (a Tafel
 * shares several at once) come in one mail, and so do their reminders; any other notice has its own.
 */
export function mailKeyOf(n: { id: number; user_id: string; kind: string; case_id: string; until: string | null; created_at: string }): string {
  if (n.kind === 'termijn') return `termijn:${n.user_id}:${dateInNetherlands(new Date(n.created_at))}`;
  if (sharesMail(n.kind) && n.until) return `${n.kind}:${n.user_id}:${n.case_id}:${n.until}`;
  return `notice:${n.id}`;
}

/** Kinds whose notices of one case and end date share one mail (see {@link mailKeyOf}). */
export const sharesMail = (kind: string) => kind === 'reactie-gevraagd' || kind === 'reactie-eindigt';
