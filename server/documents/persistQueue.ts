import type { UpdateLog, UpdateRow } from './updateLog.ts';

/** The updates of one flush and the promise every one of their callers waits on. */
interface Batch {
  rows: UpdateRow[];
  written: Promise<void>;
  settle: (error?: unknown) => void;
}

/**
 * Collects the updates accepted during one event-loop turn and writes them in one transaction.
 * Durability is never delayed for batching: a write starts on the next turn. The log keeps the
 * order in which updates were applied: flushes run one after another, or, when the store commits
 * in call order by itself (SQLite's writer thread), are handed over without waiting.
 */
export class PersistQueue {
  private pending: Batch | null = null;
  private running: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly store: UpdateLog) {}

  /** Resolves once the row is stored; all rows of one flush settle together, in call order. */
  enqueue(row: UpdateRow): Promise<void> {
    this.pending ??= newBatch();
    this.pending.rows.push(row);
    this.schedule();
    return this.pending.written;
  }

  private schedule(): void {
    if (this.scheduled || (this.running && !this.store.ordersAppends)) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const flushing = this.flush().finally(() => {
        if (this.running === flushing) this.running = null;
        if (this.pending) this.schedule();
      });
      this.running = flushing;
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = null;
    if (!batch) return;
    try {
      await this.store.append(batch.rows);
      batch.settle();
    } catch (e) {
      batch.settle(e ?? new Error('storing failed'));
    }
  }
}

function newBatch(): Batch {
  let settle!: Batch['settle'];
  const written = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // The callers handle a rejection; one that nobody waits for any more must not end the process.
  written.catch(() => {});
  return { rows: [], written, settle };
}
