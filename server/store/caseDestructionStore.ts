import { type Kysely, sql as raw } from 'kysely';
import type { SqlStore } from './db.ts';
import type { Database } from './schema.ts';

/** Kept for their own term (NEN 7513: at least 5 years), not with the case. */
const KEPT = new Set(['audit_events']);

/**
 * Destroys a whole case: every row of every table that has a `case_id` (the case, its persons,
 * participants, sections, consents, grants, invitations, comments, review, confirmations, the
 * tables other modules add later too) and every document row of its rooms (`<caseId>/…`: update
 * log, snapshots, client owners). The audit log stays. One transaction: a case is gone or not.
 * A case under a legal hold (one set while this was on its way too), or one already gone, is not
 * touched: then null.
 * `first` runs in that transaction once the case is sure to go and before its other rows do: what
 * must outlive the case and be written from them (the mail that tells the family) is kept with it.
 * Returns the number of rows removed per table.
 */
export async function destroyCaseRows(sql: SqlStore, caseId: string, first?: (trx: Kysely<Database>) => Promise<void>): Promise<Record<string, number> | null> {
  const tables = await sql.db.introspection.getTables();
  const removed: Record<string, number> = {};
  const done = await sql.db.transaction().execute(async (trx) => {
    // A write first, so SQLite takes the write lock at once (a read first could find its snapshot
    // stale when the writer thread commits meanwhile); it removes the case unless a hold keeps it.
    const gone = await raw`delete from cases where id = ${caseId} and not exists (select 1 from legal_holds where case_id = ${caseId} and lifted_at is null)`.execute(trx);
    if (Number(gone.numAffectedRows ?? 0) === 0) return false;
    removed.cases = 1;
    await first?.(trx);
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
      if (n > 0) removed[table.name] = (removed[table.name] ?? 0) + n;
    }
    return true;
  });
  return done ? removed : null;
}
