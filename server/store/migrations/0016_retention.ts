import type { Kysely, Migration } from 'kysely';
import { addColumns, createTable } from './tables.ts';

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
    await addColumns(db, 'organisations', 'retention_years integer?');
    await createTable(db, 'legal_holds', 'id key, case_id, reason, set_by, set_at, lifted_by?, lifted_at?, lift_reason?').execute();
    await db.schema.createIndex('legal_holds_case').on('legal_holds').column('case_id').execute();
    await createTable(db, 'destruction_requests', 'id key, case_id, filed_by, filed_at, due_on, explanation?, status, answer?, answered_by?, answered_at?').execute();
    await db.schema.createIndex('destruction_requests_case').on('destruction_requests').column('case_id').execute();
  },
};
