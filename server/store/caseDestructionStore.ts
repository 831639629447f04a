import { sql as raw } from 'kysely';
import type { SqlStore } from './db.ts';

/** Kept for their own term (NEN 7513: at least 5 years), not with the case. */
const KEPT = new Set(['audit_events']);

/**
 * Destroys a whole case: every row of every table that has a `case_id` (the case, its persons,
 * participants, sections, consents, grants, invitations, comments, review, confirmations, the
 * tables other modules add later too) and every document row of its rooms (`<caseId>/…`: update
 * log, snapshots, client owners). The audit log stays. One transaction: a case is gone or not.
 * A case under a legal hold (one set while this was on its way too) is not touched: then null.
 * Returns the number of rows removed per table.
 */
export async function destroyCaseRows(sql: SqlStore, caseId: string): Promise<Record<string, number> | null> {
  const tables = await sql.db.introspection.getTables();
  const removed: Record<string, number> = {};
  const done = await sql.db.transaction().execute(async (trx) => {
    const held = await trx.selectFrom('legal_holds').select('id').where('case_id', '=', caseId).where('lifted_at', 'is', null).executeTakeFirst();
    if (held) return false;
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
    return true;
  });
  return done ? removed : null;
}
