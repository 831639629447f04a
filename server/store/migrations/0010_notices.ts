import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { createTable, serialId } from './tables.ts';

/**
 * Notices and their mail (server/notices/):
 * - `notices`: one row per recipient and event, with a `dedupe_key` unique per recipient, so a sweep
 *   run twice (or by two processes) makes one notice; `read_at` when the person has seen it;
 *   `mail_state`: how it goes out by mail (`direct`, `digest` waiting for the daily mail, `done`, `none`);
 * - `notice_mails`: the durable outbox; one row per mail to send, `unique_key` unique so one day's digest
 *   is queued once; `state` (`wacht`, `bezig`, `verstuurd`, `mislukt`, `geen-smtp`), attempts, next attempt,
 *   who holds the claim and until when, the last error;
 * - `notice_preferences`: per person and kind: `direct`, `dagelijks` or `alleen-app`.
 */
export function noticesMigration(dialect: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
    async up(db: Kysely<any>) {
      await createTable(db, 'notices', `id ${serialId(dialect)}, user_id, kind, case_id, section_id?, link, until?, dedupe_key, created_at, read_at?, mail_state`)
        .addUniqueConstraint('notices_dedupe', ['user_id', 'dedupe_key'])
        .execute();
      await db.schema.createIndex('notices_user_created').on('notices').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('notices_mail_state').on('notices').columns(['mail_state', 'user_id']).execute();
      await createTable(db, 'notice_mails', `id ${serialId(dialect)}, unique_key unique, user_id, kind, notice_ids, state, attempts integer, next_attempt_at, claimed_by?, claimed_until?, last_error?, created_at, sent_at?`).execute();
      await db.schema.createIndex('notice_mails_due').on('notice_mails').columns(['state', 'next_attempt_at']).execute();
      await createTable(db, 'notice_preferences', 'user_id, kind, delivery', ['user_id', 'kind']).execute();
    },
  };
}
