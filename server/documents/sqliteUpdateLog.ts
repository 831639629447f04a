import type { SqlStore } from '../store/db.ts';
import type { SqliteWriter } from '../store/sqliteWriter.ts';
import { SqlUpdateLog } from './sqlUpdateLog.ts';
import type { UpdateRow } from './updateLog.ts';

/**
 * The update log in SQLite. Every write goes through the one writer thread
 * (store/sqliteWriter.ts), which commits in the order it is handed work: appends need not wait for
 * each other, and the event loop never waits for the disk or the write lock. One process holds a
 * SQLite file, and it compacts one room at a time (documents/sectionDocuments.ts), so compaction
 * needs no lock of its own.
 */
export class SqliteUpdateLog extends SqlUpdateLog {
  readonly ordersAppends = true;
  private readonly writer: SqliteWriter;

  constructor(sql: SqlStore, settleMs = 0) {
    super(sql, settleMs);
    if (!sql.writer) throw new Error('a SQLite update log needs the writer thread');
    this.writer = sql.writer;
  }

  async append(rows: readonly UpdateRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = Date.now();
    const claims = rows.flatMap((r) => (r.claims ?? []).map((c) => this.claimInsert(r.room, c, now)));
    // Handed over first, so the claims are on disk no later than the updates that take them.
    const claimed = claims.length > 0 ? this.sql.write(claims) : null;
    const appended = this.writer.append(rows.map((r) => ({ room: r.room, data: r.data, userId: r.userId, at: now })));
    await Promise.all([claimed, appended]);
  }

  async compact(room: string): Promise<number> {
    const next = await this.nextSnapshot(this.sql.db, room);
    if (!next) return 0;
    const { folded, ...row } = next;
    await this.sql.write([this.sql.db.insertInto('doc_snapshots').values(row)]);
    return folded;
  }
}
