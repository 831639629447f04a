import type { Kysely, Migration } from 'kysely';
import { addColumns } from './tables.ts';

/**
 * Cases started in the app, and their persons over time:
 * - `persons.relation`: how a person belongs to the family ("oma", "leerkracht");
 * - `persons.removed_at`: a person taken out of the case; the row stays, so an archived section
 *   about them keeps its subject (and a child's 16th birthday still counts for it);
 * - `sections.archived_at`: a section about a removed person that held something; kept, read only.
 */
export const casePersonsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await addColumns(db, 'persons', 'relation?, removed_at?');
    await addColumns(db, 'sections', 'archived_at?');
  },
};
