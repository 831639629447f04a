import type { Fanout } from '../fanout/fanout.ts';
import type { UpdateLog } from '../documents/updateLog.ts';
import type { PersistQueue } from './persistQueue.ts';
import { SectionDoc } from './sectionDoc.ts';

/** Logged updates after the last snapshot above which a room is compacted when it unloads. */
const COMPACT_AFTER = 200;

/**
 * Section documents held in memory. A document is loaded once, however many sockets ask for it at
 * the same time, and unloaded after its last socket left and everything it accepted is stored.
 */
export class DocRegistry {
  private readonly docs = new Map<string, Promise<SectionDoc>>();
  private readonly holds = new Map<string, number>();
  /**
   * Compactions run one at a time with a turn of the event loop between them: when a meeting ends
   * and twenty sections close together, their compactions (each a replay of the tail) would
   * otherwise hold up everyone else's typing for a noticeable moment.
   */
  private compactions: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: UpdateLog,
    private readonly queue: PersistQueue,
    private readonly fanout: Fanout,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  /** Loads (or shares) the document and holds it until {@link release}. */
  async acquire(room: string): Promise<SectionDoc> {
    this.holds.set(room, (this.holds.get(room) ?? 0) + 1);
    let loading = this.docs.get(room);
    if (!loading) {
      loading = this.open(room);
      this.docs.set(room, loading);
      loading.catch(() => this.docs.delete(room));
    }
    try {
      return await loading;
    } catch (e) {
      this.holds.set(room, (this.holds.get(room) ?? 1) - 1);
      throw e;
    }
  }

  release(room: string): void {
    const left = (this.holds.get(room) ?? 1) - 1;
    if (left > 0) {
      this.holds.set(room, left);
      return;
    }
    this.holds.delete(room);
    void this.unloadWhenIdle(room);
  }

  /** Documents currently in memory. */
  loaded(): Promise<SectionDoc[]> {
    return Promise.all([...this.docs.values()].map((p) => p.catch(() => null))).then((all) => all.filter((d): d is SectionDoc => d !== null));
  }

  get size(): number {
    return this.docs.size;
  }

  /** Drops a document whose in-memory state can no longer be trusted (storage failed). */
  evict(room: string, doc: SectionDoc): void {
    if (this.docs.get(room) === undefined) return;
    this.docs.delete(room);
    doc.destroy();
  }

  private async open(room: string): Promise<SectionDoc> {
    const doc = new SectionDoc(room, this.queue, this.fanout);
    await doc.load(this.store);
    return doc;
  }

  private async unloadWhenIdle(room: string): Promise<void> {
    const loading = this.docs.get(room);
    if (!loading) return;
    const doc = await loading.catch(() => null);
    if (!doc) return;
    await doc.settled();
    if ((this.holds.get(room) ?? 0) > 0 || this.docs.get(room) !== loading) return;
    this.docs.delete(room);
    doc.destroy();
    const compacted = this.compactions.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => this.compactIfLong(room));
    this.compactions = compacted;
    await compacted;
  }

  private async compactIfLong(room: string): Promise<void> {
    try {
      if ((await this.store.tailLength(room)) > COMPACT_AFTER) await this.store.compact(room);
    } catch (e) {
      this.log(`compaction of ${room} failed`, e);
    }
  }

  async closeAll(): Promise<void> {
    const docs = await this.loaded();
    await Promise.all(docs.map((d) => d.settled()));
    for (const d of docs) d.destroy();
    this.docs.clear();
  }
}
