/**
 * The thread that copies SQLite's write-ahead log into the database file. A checkpoint waits for
 * the disk for as long as the disk takes. Run by the writer thread (as SQLite does by itself once
 * the log passes 1,000 pages), it held up every commit, and with it every relay, for that long:
 * up to hundreds of milliseconds on a busy disk. Here it runs beside the commits, as a PASSIVE
 * checkpoint, which never makes a writer or reader wait. As often as SQLite would by itself (the
 * main thread says when: every 400 commits, see SqliteWriter) and at least every so often, in
 * case only the main connection wrote (comments, snapshots) while nobody typed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteFile } from './sqliteFile.ts';

const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = openSqliteFile(file);

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Nothing is lost: the pages stay in the log, and the next checkpoint copies them.
  }
}

parentPort!.on('message', checkpoint);
setInterval(checkpoint, everyMs);
