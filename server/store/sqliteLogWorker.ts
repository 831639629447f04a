/**
 * Worker thread that appends document updates to the SQLite log. A commit with
 * `synchronous=FULL` waits for the disk; here that wait does not stop the main thread from
 * relaying updates that are already stored. Messages: `{ id, batch }` in (see logBatch.ts),
 * `{ id, error? }` out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { decodeLogBatch, type LogRow } from './logBatch.ts';

const port = parentPort!;
const db = new SQLite((workerData as { file: string }).file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');

/** Prepared on the first batch, so a problem with the table fails that batch, not the thread. */
let appendAll: ((rows: LogRow[]) => void) | null = null;
function prepareAppend(): (rows: LogRow[]) => void {
  const insert = db.prepare('insert into doc_updates (room, data, user_id, created_at) values (?, ?, ?, ?)');
  return db.transaction((rows: LogRow[]) => {
    for (const r of rows) insert.run(r.room, Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), r.userId, r.at);
  });
}

port.on('message', (m: { id: number; batch: Uint8Array }) => {
  try {
    appendAll ??= prepareAppend();
    appendAll(decodeLogBatch(m.batch));
    port.postMessage({ id: m.id });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ id: 0 });
