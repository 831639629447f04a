import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.ts';

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
      const id = (table: string) =>
        dialect === 'postgres'
          ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
          : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
      await id('notices')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('section_id', 'text')
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('until', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('mail_state', 'text', (c) => c.notNull())
        .addUniqueConstraint('notices_dedupe', ['user_id', 'dedupe_key'])
        .execute();
      await db.schema.createIndex('notices_user_created').on('notices').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('notices_mail_state').on('notices').columns(['mail_state', 'user_id']).execute();
      await id('notice_mails')
        .addColumn('unique_key', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('notice_ids', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('notice_mails_due').on('notice_mails').columns(['state', 'next_attempt_at']).execute();
      await db.schema
        .createTable('notice_preferences')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('delivery', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_preferences_pk', ['user_id', 'kind'])
        .execute();
    },
  };
}
