/**
 * The one thread that writes to SQLite while people type: update-log batches and the statements
 * the main thread hands over (section change times, audit events). A commit with
 * `synchronous=FULL` waits for the disk; here that wait does not stop the main thread from
 * relaying updates that are already stored, and writes never wait for each other's locks.
 * Messages: `{ id, batch }` (see logBatch.ts) or `{ id, statements }` in; out, once per commit,
 * `{ done: ids, failed?: [{ id, error }] }` (see WriterReply).
 */
import type { Statement } from 'better-sqlite3';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { decodeLogBatch } from './logBatch.ts';
import { openSqliteFile } from './sqliteFile.ts';
import type { WriterJob } from './sqliteWriter.ts';

const port = parentPort!;
const { file } = workerData as { file: string };
const db = openSqliteFile(file);

/** Prepared once per SQL text; the main thread sends a handful of distinct statements. */
const prepared = new Map<string, Statement>();
const MAX_PREPARED = 200;
function statement(sql: string): Statement {
  let s = prepared.get(sql);
  if (!s) {
    // A statement whose text varies (a list of values) must not grow this without bound.
    if (prepared.size >= MAX_PREPARED) prepared.clear();
    s = db.prepare(sql);
    prepared.set(sql, s);
  }
  return s;
}

// Checkpoints are the checkpoint thread's (sqliteCheckpointThread.ts): a commit never waits for one.
db.pragma('wal_autocheckpoint = 0');

const INSERT_UPDATE = 'insert into doc_updates (room, data, user_id, created_at) values (?, ?, ?, ?)';

function perform(job: WriterJob): void {
  if ('batch' in job) {
    const insert = statement(INSERT_UPDATE);
    for (const r of decodeLogBatch(job.batch)) insert.run(r.room, Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), r.userId, r.at);
  } else {
    for (const s of job.statements) statement(s.sql).run(...s.parameters);
  }
}

const commitAll = db.transaction((jobs: WriterJob[]) => {
  for (const job of jobs) perform(job);
});
const commitOne = db.transaction(perform);

port.on('message', (first: WriterJob) => {
  // Jobs that arrived during the last commit go into this one: one fsync for all of them.
  const group = [first];
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) group.push(next.message as WriterJob);
  try {
    commitAll(group);
    port.postMessage({ done: group.map((j) => j.id) });
  } catch (e) {
    if (group.length === 1) {
      port.postMessage({ done: [], failed: [{ id: first.id, error: message(e) }] });
      return;
    }
    // One bad job must not fail the others it happened to share a commit with.
    const done: number[] = [];
    const failed: { id: number; error: string }[] = [];
    for (const job of group) {
      try {
        commitOne(job);
        done.push(job.id);
      } catch (e) {
        failed.push({ id: job.id, error: message(e) });
      }
    }
    port.postMessage({ done, failed });
  }
});
port.postMessage({ ready: true });

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
