import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { encodeLogBatch, type LogRow } from './logBatch.ts';

const TSX_CJS = createRequire(import.meta.url).resolve('tsx/cjs/api');
/** Worker threads do not inherit the TypeScript loader; the bootstrap registers it first. */
const bootstrap = (thread: string) =>
  `require(${JSON.stringify(TSX_CJS)}).register(); require(${JSON.stringify(fileURLToPath(new URL(thread, import.meta.url)))});`;
const WRITER = bootstrap('./sqliteWriterThread.ts');
const COMMITS_PER_CHECKPOINT = 400;
const CHECKPOINTER = bootstrap('./sqliteCheckpointThread.ts');

/** A statement for the writer thread: SQL text and its bound values. */
export interface WriteStatement {
  sql: string;
  parameters: readonly unknown[];
}

/** What the writer thread is sent: a log batch, or statements to run in one transaction. */
type WriterWork = { batch: Uint8Array } | { statements: readonly WriteStatement[] };
export type WriterJob = WriterWork & { id: number };

/** What the writer thread answers: that it is ready, or, once per commit, which jobs it settled. */
export type WriterReply = { ready: true } | { done: number[]; failed?: { id: number; error: string }[] };

/**
 * Writes to SQLite from a worker thread (see sqliteWriterThread.ts), so neither a commit's wait
 * for the disk nor a wait for the write lock ever stops the event loop. Jobs commit in the order
 * they were handed over; jobs that queue up during a commit share the next one. A thread that
 * dies fails what it held; the next job starts a new one. After `close`, jobs are refused.
 * A second thread checkpoints the log (see sqliteCheckpointThread.ts), so no commit waits for that.
 */
export class SqliteWriter {
  private worker: Worker | null = null;
  private checkpointer: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  /** The thread, once it said it is ready and until it is lost or closed. */
  private live: Worker | null = null;
  private closed = false;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  /** Called once no job is in the thread any more. */
  private onDrained: (() => void)[] = [];
  private nextId = 1;
  /** Commits since the checkpoint thread was last asked to run. */
  private commitsSinceCheckpoint = 0;

  constructor(
    private readonly file: string,
    /** How often the checkpoint thread copies the log into the database file, however few commits there were. */
    private readonly checkpointEveryMs = 10_000,
  ) {}

  /** Starts the threads now, so a database that cannot be opened fails at start-up. */
  async start(): Promise<void> {
    await this.ensureWorker();
    this.startCheckpointer();
  }

  /** Runs until `close`; one that stops is replaced, or the log would grow without end. */
  private startCheckpointer(): void {
    if (this.closed || this.checkpointer) return;
    const thread = new Worker(CHECKPOINTER, { eval: true, workerData: { file: this.file, everyMs: this.checkpointEveryMs } });
    thread.unref();
    this.checkpointer = thread;
    thread.on('error', () => {});
    thread.on('exit', () => {
      if (this.checkpointer !== thread) return;
      this.checkpointer = null;
      setTimeout(() => this.startCheckpointer(), 1000).unref();
    });
  }

  /** Appends update-log rows in one transaction; resolves once they are on disk. */
  append(rows: readonly LogRow[]): Promise<void> {
    const batch = encodeLogBatch(rows);
    return this.send({ batch }, [batch.buffer as ArrayBuffer]);
  }

  /** Runs statements in one transaction; resolves once they are on disk. */
  run(statements: readonly WriteStatement[]): Promise<void> {
    return this.send({ statements });
  }

  private send(work: WriterWork, transfer: ArrayBuffer[] = []): Promise<void> {
    if (this.closed) return Promise.reject(new Error('SQLite writer closed'));
    // Once the thread is up, a job goes out in the caller's turn, without waiting a microtask.
    if (this.live) return this.post(this.live, work, transfer);
    return this.ensureWorker().then((worker) => {
      if (worker !== this.worker) throw new Error('SQLite writer closed');
      return this.post(worker, work, transfer);
    });
  }

  private post(worker: Worker, work: WriterWork, transfer: ArrayBuffer[]): Promise<void> {
    const id = this.nextId++;
    // While a job is in the thread, the process stays up for its answer (a graceful stop
    // finishes its last writes); an idle writer keeps nothing alive.
    worker.ref();
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const job: WriterJob = { ...work, id };
      worker.postMessage(job, transfer);
    });
  }

  /** Lets the jobs already in the thread finish (up to a few seconds), then stops it. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.closed = true;
    this.worker = null;
    this.ready = null;
    this.live = null;
    if (this.waiting.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        this.onDrained.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (worker) await worker.terminate();
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    await checkpointer?.terminate();
    this.failAll(new Error('SQLite writer closed'));
  }

  private ensureWorker(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(WRITER, { eval: true, workerData: { file: this.file } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (m: WriterReply) => {
        if ('ready' in m) {
          if (this.worker === worker) this.live = worker;
          resolve(worker);
          return;
        }
        // A commit of a few rows adds two or three pages to the log: this is about SQLite's own 1,000.
        if (++this.commitsSinceCheckpoint >= COMMITS_PER_CHECKPOINT) {
          this.commitsSinceCheckpoint = 0;
          this.checkpointer?.postMessage('checkpoint');
        }
        for (const id of m.done) this.settle(id)?.resolve();
        for (const f of m.failed ?? []) this.settle(f.id)?.reject(new Error(f.error));
        if (this.waiting.size === 0) {
          worker.unref();
          for (const done of this.onDrained.splice(0)) done();
        }
      });
      const lost = (e: Error) => {
        reject(e);
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        this.live = null;
        this.failAll(e);
      };
      worker.on('error', lost);
      worker.on('exit', (code) => lost(new Error(`SQLite writer stopped (${code})`)));
    });
    return this.ready;
  }

  private settle(id: number) {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    return w;
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    for (const done of this.onDrained.splice(0)) done();
  }
}
