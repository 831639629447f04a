import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { encodeLogBatch, type LogRow } from './logBatch.ts';

const WORKER_FILE = fileURLToPath(new URL('./sqliteLogWorker.ts', import.meta.url));
const TSX_CJS = createRequire(import.meta.url).resolve('tsx/cjs/api');
/** Worker threads do not inherit the TypeScript loader; the bootstrap registers it first. */
const BOOTSTRAP = `require(${JSON.stringify(TSX_CJS)}).register(); require(${JSON.stringify(WORKER_FILE)});`;

/**
 * Appends to the SQLite update log from a worker thread (see sqliteLogWorker.ts). One batch is
 * in the worker at a time (the persist queue sends the next one when this one is committed), so
 * under load the batches grow instead of the commits queueing up. A worker that dies fails what
 * it held; the next batch starts a new one.
 */
export class SqliteLogWriter {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  /** Called once no batch is in the thread any more. */
  private onDrained: (() => void)[] = [];
  private nextId = 1;

  constructor(private readonly file: string) {}

  /** Starts the worker now, so a database that cannot be opened fails at start-up. */
  async start(): Promise<void> {
    await this.ensureWorker();
  }

  async append(rows: readonly LogRow[]): Promise<void> {
    const worker = await this.ensureWorker();
    if (worker !== this.worker) throw new Error('log writer closed');
    const id = this.nextId++;
    // While a batch is in the thread, the process stays up for its answer (a graceful stop
    // finishes its last writes); an idle writer keeps nothing alive.
    worker.ref();
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const batch = encodeLogBatch(rows);
      worker.postMessage({ id, batch }, [batch.buffer as ArrayBuffer]);
    });
  }

  /** Lets the batches already in the thread finish (up to a few seconds), then stops it. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
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
    this.failAll(new Error('log writer closed'));
  }

  private ensureWorker(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { file: this.file } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (m: { id: number; error?: string }) => {
        if (m.id === 0) {
          resolve(worker);
          return;
        }
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error === undefined) w?.resolve();
        else w?.reject(new Error(m.error));
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
        this.failAll(e);
      };
      worker.on('error', lost);
      worker.on('exit', (code) => lost(new Error(`log writer stopped (${code})`)));
    });
    return this.ready;
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    for (const done of this.onDrained.splice(0)) done();
  }
}
