import type { Generated, Kysely } from 'kysely';
import type { SqlStore } from '../store/db.ts';
import type { Database } from '../store/schema.ts';

/** Rows of migration 0010 (`store/migrations/0010_notices.ts`). */
export type NoticesTable = {
  id: Generated<number>;
  user_id: string;
  kind: string;
  case_id: string;
  section_id: string | null;
  link: string;
  until: string | null;
  /** Unique per recipient: the same event told twice is one notice. */
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
  /** `direct` (a mail is queued), `digest` (waits for the daily mail), `done` (in a mail), `none` (app only). */
  mail_state: string;
};

/** The outbox: one mail to send. */
export type NoticeMailsTable = {
  id: Generated<number>;
  /** `notice:<id>`, `termijn:<user>:<date>` or `digest:<user>:<date>`: queued once, whoever queues it. */
  unique_key: string;
  user_id: string;
  kind: string;
  /** JSON array of the notice ids the mail is about. */
  notice_ids: string;
  state: MailState;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

/** `wacht` queued or waiting to retry; `bezig` claimed by a process; `verstuurd`; `mislukt` after the last try; `geen-smtp` no mail server set. */
export type MailState = 'wacht' | 'bezig' | 'verstuurd' | 'mislukt' | 'geen-smtp';

export type NoticePreferencesTable = {
  user_id: string;
  kind: string;
  delivery: string;
};

export type NoticeTables = {
  notices: NoticesTable;
  notice_mails: NoticeMailsTable;
  notice_preferences: NoticePreferencesTable;
};

export type NoticeDb = Kysely<Database & NoticeTables>;

/** The store's database with the notice tables known to the types. */
export const noticeDb = (sql: SqlStore): NoticeDb => sql.db.withTables<NoticeTables>();
