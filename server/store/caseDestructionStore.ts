import { sql as raw } from 'kysely';
import type { SqlStore } from './db.ts';

/** Kept for their own term (NEN 7513: at least 5 years), not with the case. */
const KEPT = new Set(['audit_events']);

/**
 * Destroys a whole case: every row of every table that has a `case_id` (the case, its persons,
 * participants, sections, consents, grants, invitations, comments, review, confirmations, the
 * tables other modules add later too) and every document row of its rooms (`<caseId>/…`: update
 * log, snapshots, client owners). The audit log stays. One transaction: a case is gone or not.
 * Returns the number of rows removed per table.
 */
export async function destroyCaseRows(sql: SqlStore, caseId: string): Promise<Record<string, number>> {
  const tables = await sql.db.introspection.getTables();
  const removed: Record<string, number> = {};
  await sql.db.transaction().execute(async (trx) => {
    for (const table of tables) {
      if (KEPT.has(table.name) || table.name.startsWith('kysely_')) continue;
      const columns = new Set(table.columns.map((c) => c.name));
      let n = 0;
      if (columns.has('case_id')) {
        const r = await raw`delete from ${raw.table(table.name)} where case_id = ${caseId}`.execute(trx);
        n += Number(r.numAffectedRows ?? 0);
      }
      if (columns.has('room')) {
        const r = await raw`delete from ${raw.table(table.name)} where room like ${`${caseId}/%`}`.execute(trx);
        n += Number(r.numAffectedRows ?? 0);
      }
      if (table.name === 'cases') {
        const r = await raw`delete from cases where id = ${caseId}`.execute(trx);
        n += Number(r.numAffectedRows ?? 0);
      }
      if (n > 0) removed[table.name] = n;
    }
  });
  return removed;
}
