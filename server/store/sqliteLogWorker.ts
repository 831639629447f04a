/**
 * Worker thread that appends document updates to the SQLite log. A commit with
 * `synchronous=FULL` waits for the disk; here that wait does not stop the main thread from
 * relaying updates that are already stored. Messages: `{ id, batch }` in (see logBatch.ts),
 * `{ id, error? }` out, in the order the batches came in.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { decodeLogBatch, type LogRow } from './logBatch.ts';
import { openSqliteFile } from './sqliteFile.ts';

const port = parentPort!;
const db = openSqliteFile((workerData as { file: string }).file);

/** Prepared on the first batch, so a problem with the table fails that batch, not the thread. */
let appendAll: ((rows: LogRow[]) => void) | null = null;
function prepareAppend(): (rows: LogRow[]) => void {
  const insert = db.prepare('insert into doc_updates (room, data, user_id, created_at) values (?, ?, ?, ?)');
  return db.transaction((rows: LogRow[]) => {
    for (const r of rows) insert.run(r.room, Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), r.userId, r.at);
  });
}

interface BatchMessage {
  id: number;
  batch: Uint8Array;
}

port.on('message', (first: BatchMessage) => {
  // Batches that arrived during the last commit go into this one: one fsync for all of them.
  const group = [first];
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) group.push(next.message as BatchMessage);
  try {
    appendAll ??= prepareAppend();
    appendAll(group.flatMap((m) => decodeLogBatch(m.batch)));
    for (const m of group) port.postMessage({ id: m.id });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    for (const m of group) port.postMessage({ id: m.id, error });
  }
});
port.postMessage({ id: 0 });
