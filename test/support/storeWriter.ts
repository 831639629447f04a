import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { openSqlStore, type StoreLocation } from '../../server/store/db.ts';
import type { UpdateLog } from '../../server/documents/updateLog.ts';
import { updateLogOf } from '../../server/documents/updateLogOf.ts';
import { appendParagraph } from './syncClient.ts';

/**
 * A second update log in its own process (its own pool / SQLite connection), appending one
 * update per transaction, so a test can race it against a store in the test process.
 */
export interface WriterJob {
  location: StoreLocation;
  room: string;
  userId: string;
  /** Paragraphs `<label> 0` … `<label> count-1` are written, one update each. */
  label: string;
  count: number;
}

/** Writes `count` paragraphs through `store`, one append (transaction) per paragraph. */
export async function writeParagraphs(store: UpdateLog, job: Omit<WriterJob, 'location'>): Promise<void> {
  const doc = new Y.Doc();
  for (let i = 0; i < job.count; i++) {
    let update: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => {
      update = u;
    });
    appendParagraph(doc, `${job.label} ${i}`);
    await store.append([{ room: job.room, data: update!, userId: job.userId }]);
  }
  doc.destroy();
}

const SELF = fileURLToPath(import.meta.url);

/** Runs {@link writeParagraphs} in a child process; resolves when it exited cleanly. */
export function writeInChildProcess(job: WriterJob): { done: Promise<void>; process: ChildProcess } {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, JSON.stringify(job)], {
    cwd: path.resolve(path.dirname(SELF), '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited with ${code}:\n${output}`))));
  });
  return { done, process: child };
}

if (process.argv[1] === SELF) {
  const job = JSON.parse(process.argv[2] ?? '{}') as WriterJob;
  const sql = await openSqlStore(job.location);
  try {
    await writeParagraphs(updateLogOf(sql), job);
  } finally {
    await sql.close();
  }
}
