import type { Kysely, Migration } from 'kysely';
import { createTable } from './tables.ts';

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
    await createTable(db, 'meetings', 'id key, case_id, date, time, duration_minutes integer, place, video_link, status, chair_id, created_at, started_at?, ended_at?, current_item_id?, current_since?, decision?, minutes?').execute();
    await db.schema.createIndex('meetings_case').on('meetings').columns(['case_id', 'date']).execute();
    await createTable(db, 'meeting_items', 'meeting_id, id, position integer, kind, title, section_id?, minutes integer, points, scores, note, spent_seconds integer', ['meeting_id', 'id']).execute();
    await createTable(db, 'meeting_invitees', 'meeting_id, user_id, name, role, email, mailed integer, presence?, presence_by?, presence_at?', ['meeting_id', 'user_id']).execute();
  },
};
