import type { Kysely, Migration } from 'kysely';
import { createTable } from './tables.ts';

/**
 * How a family reaches a professional (seed 003: the family gets a letter with the contact
 * details and working days of their fixed contact): `contact_details`, one row per account, kept
 * with the directory. `working_days` is a JSON array of Dutch weekday names.
 */
export const contactDetailsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await createTable(db, 'contact_details', 'user_id key, phone, working_days').execute();
  },
};
