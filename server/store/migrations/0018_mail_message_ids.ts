import type { Kysely, Migration } from 'kysely';
import { addColumns } from './tables.ts';

/**
 * `mail_queue.message_id`: the Message-ID a queued mail is sent with, chosen when it is queued, so
 * every try carries the same one: a mail sent again after a crash (taken by the SMTP server, not
 * yet marked sent) is a copy a receiving server or mail program can drop. Null only for a row
 * queued before this migration; such a row gets one when it is next tried, and keeps it.
 */
export const mailMessageIdsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await addColumns(db, 'mail_queue', 'message_id?');
  },
};
