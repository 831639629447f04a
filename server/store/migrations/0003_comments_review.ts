import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { createTable, serialId } from './tables.ts';

/** Comment threads on a section, their comments, status moves and approvals of a review. */
export function commentsReviewMigration(dialect: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
    async up(db: Kysely<any>) {
      await createTable(db, 'comment_threads', 'id key, case_id, section_id, anchor, visibility, created_by, created_at, resolved_at?, resolved_by?').execute();
      await db.schema.createIndex('comment_threads_section').on('comment_threads').columns(['case_id', 'section_id']).execute();
      await createTable(db, 'comments', `id ${serialId(dialect)}, thread_id, case_id, user_id, role, body, at`).execute();
      await db.schema.createIndex('comments_thread').on('comments').columns(['thread_id', 'id']).execute();
      await createTable(db, 'status_events', `id ${serialId(dialect)}, case_id, section_id, from_status, to_status, user_id, at, reason, reaction_until?`).execute();
      await db.schema.createIndex('status_events_section').on('status_events').columns(['case_id', 'section_id', 'id']).execute();
      await createTable(db, 'approvals', `id ${serialId(dialect)}, case_id, section_id, approved_by, approved_at, content_snapshot, withdrawn_at?, withdrawn_by?`).execute();
      await db.schema.createIndex('approvals_section').on('approvals').columns(['case_id', 'section_id', 'id']).execute();
    },
  };
}
