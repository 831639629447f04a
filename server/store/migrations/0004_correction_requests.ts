import type { Kysely, Migration } from 'kysely';
import { addColumns } from './tables.ts';

/** A thread can be a request to correct the analysis (`kind`), with the decision on it. */
export const correctionRequestsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('comment_threads').addColumn('kind', 'text', (c) => c.notNull().defaultTo('reactie')).execute();
    await addColumns(db, 'comment_threads', 'decision?, decided_by?, decided_at?');
  },
};
