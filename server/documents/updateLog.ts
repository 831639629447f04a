import * as Y from 'yjs';

/** Who a Yjs client id of a section belongs to: the author of the first stored update with it, as they were then. */
export interface ClientOwner {
  userId: string;
  role: string;
  organisationId: string;
  /** When the id was first stored (ISO): the day a block under it was written, as near as the log tells. */
  at?: string;
}

/** A client id taken by an update, stored with it. */
export interface ClientClaim extends ClientOwner {
  clientId: number;
}

/** An update to append: its room, its bytes and who wrote it. */
export interface UpdateRow {
  room: string;
  data: Uint8Array;
  userId: string;
  /** Client ids this update is the first to write with: stored no later than the update. */
  claims?: readonly ClientClaim[];
}

/** One row of a room's log as stored: ids grow with every append. */
export interface LoggedUpdate {
  id: number;
  data: Uint8Array;
  userId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** A room's state as stored: the latest snapshot (if any) and the updates logged after it. */
export interface StoredRoom {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Highest update id included; the next load only needs what comes after. */
  lastId: number;
}

/** Everything stored of a room, for destroying content on request (history/destroyStored.ts). */
export interface EverythingStored {
  updates: { id: number; data: Uint8Array }[];
  snapshots: { uptoId: number; data: Uint8Array }[];
}

/**
 * Durable storage of section documents: an append-only update log per room (bytes, author,
 * time) and snapshots that compact it. Rows are never removed, so history stays reconstructable;
 * only the content a removal request was about is destroyed in them (`rewrite`). Implementations:
 * SQLite (the writer thread), PostgreSQL and in memory; all pass test/integration/storage.test.ts.
 */
export interface UpdateLog {
  /**
   * True when appends commit in the order they were called even if several are under way (one
   * writer thread, or memory), so the persist queue need not wait for one before the next.
   */
  readonly ordersAppends: boolean;
  /**
   * Rows younger than this may still be joined by a row with a lower id (see {@link settledPrefix}):
   * compaction leaves them out and readers that remember how far they read look again.
   */
  readonly settleMs: number;
  /** Appends updates (and their claims) in one transaction; resolves once they are committed. */
  append(rows: readonly UpdateRow[]): Promise<void>;
  /** The latest snapshot plus the logged updates after it. */
  load(room: string): Promise<StoredRoom>;
  /** Updates of a room with an id above `afterId`, in id order. */
  updatesAfter(room: string, afterId: number): Promise<LoggedUpdate[]>;
  /** The owners of a room's client ids (see documents/clientOwners.ts). */
  clientOwners(room: string): Promise<ClientClaim[]>;
  /** Every logged update and every snapshot of a room. */
  everything(room: string): Promise<EverythingStored>;
  /** Replaces the bytes of stored updates and snapshots in one transaction; ids, authors and times stay. */
  rewrite(room: string, updates: EverythingStored['updates'], snapshots: EverythingStored['snapshots']): Promise<void>;
  /** Number of logged updates a load of this room would replay. */
  tailLength(room: string): Promise<number>;
  /**
   * Writes the settled tail of a room's log into a new snapshot; only one process compacts a room
   * at a time. Returns the number of updates folded in (0 when another process holds the room).
   */
  compact(room: string): Promise<number>;
}

/**
 * The settle rule, said once. On PostgreSQL an id is handed out before its transaction commits,
 * so a row with a lower id can appear after one with a higher id was read. Of rows read in id
 * order, only those before the first one younger than `settleMs` are final: a snapshot holds
 * only those, and a reader that remembers the last id it read remembers only the last of those.
 * Yjs updates are idempotent, so reading a row twice is harmless.
 */
export function settledPrefix<T extends { at: number }>(rows: readonly T[], settleMs: number, now = Date.now()): T[] {
  const settledBefore = now - settleMs;
  const young = rows.findIndex((r) => r.at > settledBefore);
  return young === -1 ? [...rows] : rows.slice(0, young);
}

/** A snapshot: the previous one (if any) with the settled tail applied, encoded as one update. */
export function foldSnapshot(previous: Uint8Array | null, tail: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.transact(doc, () => {
      if (previous) Y.applyUpdate(doc, previous);
      for (const update of tail) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** pg and better-sqlite3 return Buffers; Yjs wants a plain Uint8Array view. */
export function toBytes(data: Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
