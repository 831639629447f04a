import type { Kysely, Migration } from 'kysely';
import { createTable } from './tables.ts';

/** The crisis service staff and the emergency access they opened, until when, and its end. */
export const emergencyAccessMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await createTable(db, 'emergency_staff', 'user_id key, role, organisation_id').execute();
    await createTable(db, 'emergency_access', 'id key, case_id, user_id, role, organisation_id, reason, started_at, until, ended_at?, ended_by?').execute();
    await db.schema.createIndex('emergency_access_case').on('emergency_access').columns(['case_id', 'user_id']).execute();
    await db.schema.createIndex('emergency_access_user').on('emergency_access').columns(['user_id']).execute();
  },
};
