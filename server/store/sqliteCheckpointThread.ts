/**
 * The thread that copies SQLite's write-ahead log into the database file. A checkpoint waits for
 * the disk for as long as the disk takes. Run by the writer thread (as SQLite does by itself once
 * the log passes 1,000 pages), it held up every commit, and with it every relay, for that long:
 * up to hundreds of milliseconds on a busy disk. Here it runs beside the commits, as a PASSIVE
 * checkpoint, which never makes a writer or reader wait; often enough to keep the log small.
 */
import { workerData } from 'node:worker_threads';
import { openSqliteFile } from './sqliteFile.ts';

const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = openSqliteFile(file);

setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Nothing is lost: the pages stay in the log, and the next checkpoint copies them.
  }
}, everyMs);
