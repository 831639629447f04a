import type { Kysely, Migration } from 'kysely';

/**
 * The Jeugdbeschermingstafel (server/meetings/):
 * - `meetings`: one Tafel of a case: when, where, its chair, status, the item the chair is on,
 *   the decision recorded (block id and the attendance it was filled from) and the minutes (JSON);
 * - `meeting_items`: the agenda, in order; notes and time spent per item;
 * - `meeting_invitees`: who is invited, whether the mail went out, and their attendance.
 */
export const meetingsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('video_link', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('chair_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('current_item_id', 'text')
      .addColumn('current_since', 'text')
      .addColumn('decision', 'text')
      .addColumn('minutes', 'text')
      .execute();
    await db.schema.createIndex('meetings_case').on('meetings').columns(['case_id', 'date']).execute();
    await db.schema
      .createTable('meeting_items')
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('section_id', 'text')
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('points', 'text', (c) => c.notNull())
      .addColumn('scores', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('spent_seconds', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_items_pk', ['meeting_id', 'id'])
      .execute();
    await db.schema
      .createTable('meeting_invitees')
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('mailed', 'integer', (c) => c.notNull())
      .addColumn('presence', 'text')
      .addColumn('presence_by', 'text')
      .addColumn('presence_at', 'text')
      .addPrimaryKeyConstraint('meeting_invitees_pk', ['meeting_id', 'user_id'])
      .execute();
  },
};
