import * as Y from 'yjs';

/** One row of a room's append-only update log. */
export interface LoggedUpdate {
  id: number;
  userId: string;
  /** Milliseconds since the epoch. */
  at: number;
  data: Uint8Array;
}

/** A range of one Yjs client's clock: `[clock, clock + len)`. */
export interface ClockRange {
  client: number;
  clock: number;
  len: number;
}

/** What one logged update actually changed when it was replayed in log order. */
export interface EffectiveUpdate {
  id: number;
  userId: string;
  at: number;
  /** Items it added. */
  inserted: ClockRange[];
  /** Items it deleted (that were not deleted yet). */
  deleted: ClockRange[];
}

/** A run of edits with no pause of `gapMs` or more: one version. */
export interface Session {
  /** Id of the last update of the run: the version is the document as of that update. */
  id: number;
  from: number;
  until: number;
  /** Distinct authors in order of their first edit in the run. */
  userIds: string[];
}

/**
 * The full history of one section document, replayed from its update log into a Y.Doc without
 * garbage collection, so every deleted item keeps its content and id. Each logged update is
 * recorded with what it really changed: a reconnecting client that resends what the server already
 * has (its sync step 2 carries the whole delete set) is no edit and no author. Rows are applied
 * in the order given; {@link apply} can be called again with later rows (incremental).
 */
export class RoomHistory {
  readonly doc = new Y.Doc({ gc: false });
  /** Updates that changed something, in the order they were applied. */
  readonly effective: EffectiveUpdate[] = [];
  /** Every applied row id (a row is applied once, even when offered twice). */
  private readonly applied = new Set<number>();
  /** Yjs client id → user whose update first brought that client's items. */
  private readonly clientUser = new Map<number, string>();
  /** Per client, the deletions sorted by clock, with the update that made them. */
  private readonly deletions = new Map<number, { clock: number; len: number; update: EffectiveUpdate }[]>();
  private deletionsSorted = true;

  has(id: number): boolean {
    return this.applied.has(id);
  }

  get size(): number {
    return this.applied.size;
  }

  /** Replays rows (in the given order, normally id order) that were not applied before. */
  apply(rows: readonly LoggedUpdate[]): void {
    for (const row of rows) {
      if (this.applied.has(row.id)) continue;
      this.applied.add(row.id);
      let record: EffectiveUpdate | null = null;
      const observe = (tr: Y.Transaction) => {
        const inserted: ClockRange[] = [];
        for (const [client, after] of tr.afterState) {
          const before = tr.beforeState.get(client) ?? 0;
          if (after > before) inserted.push({ client, clock: before, len: after - before });
        }
        const deleted: ClockRange[] = [];
        for (const [client, items] of tr.deleteSet.clients) {
          for (const d of items) if (d.len > 0) deleted.push({ client, clock: d.clock, len: d.len });
        }
        if (inserted.length === 0 && deleted.length === 0) return;
        record ??= { id: row.id, userId: row.userId, at: row.at, inserted: [], deleted: [] };
        record.inserted.push(...inserted);
        record.deleted.push(...deleted);
      };
      this.doc.on('afterTransaction', observe);
      try {
        Y.applyUpdate(this.doc, row.data);
      } finally {
        this.doc.off('afterTransaction', observe);
      }
      const done = record as EffectiveUpdate | null;
      if (!done) continue;
      // Items that this update deleted and inserted itself were never visible; that is fine.
      for (const r of done.inserted) if (!this.clientUser.has(r.client)) this.clientUser.set(r.client, done.userId);
      for (const r of done.deleted) {
        const list = this.deletions.get(r.client) ?? [];
        this.deletions.set(r.client, list);
        list.push({ clock: r.clock, len: r.len, update: done });
        this.deletionsSorted = false;
      }
      this.effective.push(done);
    }
  }

  /** Runs of edits with pauses shorter than `gapMs`, newest first. */
  sessions(gapMs: number): Session[] {
    const ordered = [...this.effective].sort((a, b) => a.id - b.id);
    const out: Session[] = [];
    let current: Session | null = null;
    for (const u of ordered) {
      if (current && u.at - current.until < gapMs) {
        current.id = u.id;
        current.until = Math.max(current.until, u.at);
        if (!current.userIds.includes(u.userId)) current.userIds.push(u.userId);
      } else {
        current = { id: u.id, from: u.at, until: u.at, userIds: [u.userId] };
        out.push(current);
      }
    }
    return out.reverse();
  }

  /**
   * The version a row id stands for: the session that contains it, cut off at that id. Null when
   * nothing had been written yet at that id.
   */
  versionAt(id: number, gapMs: number): Session | null {
    const upto = [...this.effective].filter((u) => u.id <= id).sort((a, b) => a.id - b.id);
    if (upto.length === 0) return null;
    let start = upto.length - 1;
    while (start > 0 && upto[start]!.at - upto[start - 1]!.at < gapMs) start--;
    const run = upto.slice(start);
    const userIds: string[] = [];
    for (const u of run) if (!userIds.includes(u.userId)) userIds.push(u.userId);
    return { id, from: run[0]!.at, until: Math.max(...run.map((u) => u.at)), userIds };
  }

  /** The user whose update brought the items of a Yjs client, if known. */
  authorOf(client: number): string | null {
    return this.clientUser.get(client) ?? null;
  }

  /** The update that deleted `(client, clock)`, if it is deleted. */
  deletionOf(client: number, clock: number): EffectiveUpdate | null {
    const list = this.sortedDeletions(client);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = list[mid]!;
      if (clock < d.clock) hi = mid - 1;
      else if (clock >= d.clock + d.len) lo = mid + 1;
      else return d.update;
    }
    return null;
  }

  /** Clocks inside `[clock, clock + len)` where the deleting update changes (for splitting items). */
  deletionBoundaries(client: number, clock: number, len: number): number[] {
    const out: number[] = [];
    for (const d of this.sortedDeletions(client)) {
      if (d.clock >= clock + len) break;
      if (d.clock + d.len <= clock) continue;
      if (d.clock > clock) out.push(d.clock);
      if (d.clock + d.len < clock + len) out.push(d.clock + d.len);
    }
    return out;
  }

  /** State vector as of row `id`: each client's clock after the updates up to it. */
  stateVectorAt(id: number): Map<number, number> {
    const sv = new Map<number, number>();
    for (const u of this.effective) {
      if (u.id > id) continue;
      for (const r of u.inserted) sv.set(r.client, Math.max(sv.get(r.client) ?? 0, r.clock + r.len));
    }
    return sv;
  }

  /** The Yjs snapshot (state vector and delete set) of the document as of row `id`. */
  snapshotAt(id: number): Y.Snapshot {
    const ds = Y.createDeleteSet();
    const ranges = new Map<number, { clock: number; len: number }[]>();
    for (const u of this.effective) {
      if (u.id > id) continue;
      for (const r of u.deleted) {
        const list = ranges.get(r.client) ?? [];
        ranges.set(r.client, list);
        list.push({ clock: r.clock, len: r.len });
      }
    }
    for (const [client, list] of ranges) {
      list.sort((a, b) => a.clock - b.clock);
      const merged: { clock: number; len: number }[] = [];
      for (const r of list) {
        const last = merged.at(-1);
        if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock);
        else merged.push({ ...r });
      }
      // DeleteItem is a plain { clock, len } record; Yjs does not export its constructor.
      ds.clients.set(client, merged as unknown as typeof ds.clients extends Map<number, infer T> ? T : never);
    }
    return Y.createSnapshot(ds, this.stateVectorAt(id));
  }

  /** A fresh document with the content as of row `id`. */
  docAt(id: number): Y.Doc {
    return Y.createDocFromSnapshot(this.doc, this.snapshotAt(id));
  }

  destroy(): void {
    this.doc.destroy();
  }

  private sortedDeletions(client: number) {
    if (!this.deletionsSorted) {
      for (const list of this.deletions.values()) list.sort((a, b) => a.clock - b.clock);
      this.deletionsSorted = true;
    }
    return this.deletions.get(client) ?? [];
  }
}
