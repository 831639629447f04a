import type { Kysely, Migration } from 'kysely';
import { createTable } from './tables.ts';

/** Confirmations: who confirmed which agreement block of a section, and when. */
export const confirmationsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await createTable(db, 'confirmations', 'case_id, section_id, block_id, user_id, at', ['case_id', 'section_id', 'block_id', 'user_id']).execute();
  },
};
