import type { Kysely, Migration } from 'kysely';

/**
 * Retention per organisation, legal holds and destruction requests (Jeugdwet art. 7.3.8–7.3.9):
 * - `organisations.retention_years`: the organisation's own term after closing; null: the
 *   deployment's default (`TAFEL_RETENTION_YEARS`);
 * - `legal_holds`: a case that may not be destroyed (by the retention job or on request), with
 *   who set it and why; lifting keeps the row with `lifted_at`;
 * - `destruction_requests`: a family's request to destroy the case, filed on `filed_at`, to be
 *   answered by `due_on` (3 months); `status` `open`, `geweigerd` (with `answer`, which the family
 *   reads). A request carried out goes with the case; the audit log keeps that it was.
 */
export const retentionMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('organisations').addColumn('retention_years', 'integer').execute();
    await db.schema
      .createTable('legal_holds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addColumn('lifted_by', 'text')
      .addColumn('lifted_at', 'text')
      .addColumn('lift_reason', 'text')
      .execute();
    await db.schema.createIndex('legal_holds_case').on('legal_holds').column('case_id').execute();
    await db.schema
      .createTable('destruction_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('explanation', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('answered_at', 'text')
      .execute();
    await db.schema.createIndex('destruction_requests_case').on('destruction_requests').column('case_id').execute();
  },
};
