import type { Kysely, Migration } from 'kysely';
import { addColumns } from './tables.ts';

/** A person's birth date. */
export const personBirthDateMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    // A birth year cannot tell when a young person turns 16; the day can.
    await addColumns(db, 'persons', 'birth_date?');
  },
};
