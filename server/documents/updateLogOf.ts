import type { SqlStore } from '../store/db.ts';
import { PostgresUpdateLog } from './postgresUpdateLog.ts';
import { SqliteUpdateLog } from './sqliteUpdateLog.ts';
import type { UpdateLog } from './updateLog.ts';

/** The update log of an opened SQL store; `settleMs` only to override the dialect's own (tests). */
export function updateLogOf(sql: SqlStore, settleMs?: number): UpdateLog {
  return sql.dialect === 'sqlite' ? new SqliteUpdateLog(sql, settleMs) : new PostgresUpdateLog(sql, settleMs);
}
