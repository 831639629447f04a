import { sql as rawSql } from 'kysely';
import type { SqlStore } from '../store/db.ts';
import { SqlUpdateLog } from './sqlUpdateLog.ts';
import type { UpdateRow } from './updateLog.ts';

/** Update rows written in one statement; PostgreSQL allows 65k bound values. */
const INSERT_CHUNK = 1000;

/**
 * How long a PostgreSQL row stays unsettled (see `settledPrefix`): far longer than any append
 * transaction takes, so no row commits under an id below one already read as settled.
 */
export const POSTGRES_SETTLE_MS = 30_000;

/**
 * The update log in PostgreSQL, shared by several server processes. Appends are transactions
 * through the pool; the persist queue runs them one after another, so a process's own rows keep
 * their order. A room is compacted by one process at a time: the advisory lock on the room name.
 */
export class PostgresUpdateLog extends SqlUpdateLog {
  readonly ordersAppends = false;

  constructor(sql: SqlStore, settleMs = POSTGRES_SETTLE_MS) {
    super(sql, settleMs);
  }

  async append(rows: readonly UpdateRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = Date.now();
    const claims = rows.flatMap((r) => (r.claims ?? []).map((c) => this.claimInsert(r.room, c, now)));
    await this.sql.db.transaction().execute(async (trx) => {
      for (const claim of claims) await trx.executeQuery(claim.compile());
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await trx
          .insertInto('doc_updates')
          .values(chunk.map((r) => ({ room: r.room, data: r.data, user_id: r.userId, created_at: now })))
          .execute();
      }
    });
  }

  compact(room: string): Promise<number> {
    return this.sql.db.transaction().execute(async (trx) => {
      const { rows } = await rawSql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext(${room})) as locked`.execute(trx);
      if (!rows[0]?.locked) return 0;
      const next = await this.nextSnapshot(trx, room);
      if (!next) return 0;
      const { folded, ...row } = next;
      await trx.insertInto('doc_snapshots').values(row).execute();
      return folded;
    });
  }
}
