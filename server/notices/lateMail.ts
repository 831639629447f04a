import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import type { SqlStore } from '../store/db.ts';
import { noticeDb } from './noticeTables.ts';

/** How long a mail may wait for a mail server to exist: older than this, it is not sent after all. */
export const LATE_MAIL_DAYS = 7;

/**
 * Mails that were due while no mail server was set (`geen-smtp`) go out once one is: the first
 * run of the outbox in a process with `TAFEL_SMTP_URL` puts them back in the queue, each with a
 * guarded update (`state = 'geen-smtp'`), so two processes starting together queue it once and the
 * outbox's claim sends it once. Not every one, though, because a late mail can mislead or only
 * add noise:
 * - older than {@link LATE_MAIL_DAYS} days: a mail about last month's news says nothing new;
 * - every notice of it read in the app: the person knows already;
 * - every date it names has passed (a reaction period that ended, a Tafel that was held): a
 *   mail asking to react before a day that is gone would be wrong.
 * Those stay `geen-smtp`, with the reason in `last_error`; the notices themselves stay in the app.
 * Resolves with how many were queued again.
 */
export async function requeueLateMail(sql: SqlStore, now: Date): Promise<number> {
  const db = noticeDb(sql);
  const rows = await db.selectFrom('notice_mails').select(['id', 'user_id', 'notice_ids', 'created_at']).where('state', '=', 'geen-smtp').execute();
  const oldest = new Date(now.getTime() - LATE_MAIL_DAYS * 86_400_000).toISOString();
  const today = dateInNetherlands(now);
  let queued = 0;
  for (const row of rows) {
    const ids = (JSON.parse(row.notice_ids) as unknown[]).filter((id): id is number => Number.isInteger(id));
    const notices = ids.length ? await db.selectFrom('notices').select(['read_at', 'until']).where('id', 'in', ids).where('user_id', '=', row.user_id).execute() : [];
    const open = notices.filter((n) => n.read_at === null);
    const reason =
      row.created_at < oldest
        ? `niet nagestuurd: ouder dan ${LATE_MAIL_DAYS} dagen toen er een mailserver kwam`
        : open.length === 0
          ? 'niet nagestuurd: al gelezen in de app'
          : open.every((n) => n.until !== null && n.until < today)
            ? 'niet nagestuurd: de datum in de melding is voorbij'
            : null;
    const q = db.updateTable('notice_mails').where('id', '=', row.id).where('state', '=', 'geen-smtp');
    if (reason) {
      await q.set({ last_error: reason }).execute();
      continue;
    }
    const done = await q.set({ state: 'wacht', next_attempt_at: now.toISOString(), last_error: null }).executeTakeFirst();
    if (Number(done.numUpdatedRows) > 0) queued++;
  }
  return queued;
}
