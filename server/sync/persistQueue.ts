import type { DocumentStore, UpdateRow } from '../store/documentStore.ts';

interface Pending {
  row: UpdateRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Collects the updates accepted during one event-loop turn and writes them in one transaction.
 * Durability is never delayed for batching: a write starts on the next turn. The log keeps the
 * order in which updates were applied: flushes run one after another, or, when the store commits
 * in call order by itself (SQLite's writer thread), are handed over without waiting.
 */
export class PersistQueue {
  private pending: Pending[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly store: DocumentStore) {}

  enqueue(row: UpdateRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || (this.running && !this.store.ordersAppends)) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const flushing = this.flush().finally(() => {
        if (this.running === flushing) this.running = null;
        if (this.pending.length > 0) this.schedule();
      });
      this.running = flushing;
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.store.append(batch.map((p) => p.row));
      for (const p of batch) p.resolve();
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }
}
