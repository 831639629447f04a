import { type InsertQueryBuilder, type InsertResult, type Kysely, sql } from 'kysely';
import * as Y from 'yjs';
import type { SqlStore } from './db.ts';
import type { Database } from './schema.ts';

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

export interface UpdateRow {
  room: string;
  data: Uint8Array;
  userId: string;
  /** Client ids this update is the first to write with: stored no later than the update. */
  claims?: readonly ClientClaim[];
}

/** A room's state as stored: the latest snapshot (if any) and the updates logged after it. */
export interface StoredRoom {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Highest update id included; the next load only needs what comes after. */
  lastId: number;
}

/** Update rows written in one statement; SQLite allows 32k bound values, PostgreSQL 65k. */
const INSERT_CHUNK = 1000;

/**
 * Durable storage of section documents: an append-only update log (bytes, author, time) and
 * snapshots that compact it. Rows are never removed, so history stays reconstructable; only the
 * content a removal request was about is destroyed in them (`rewrite`).
 */
export class DocumentStore {
  constructor(
    private readonly sql: SqlStore,
    /**
     * Updates younger than this are left out of a snapshot. On PostgreSQL a transaction with a
     * lower id can commit after one with a higher id; the margin makes sure a snapshot never
     * skips such a late row. Yjs updates are idempotent, so overlap is harmless.
     */
    private readonly settleMs = sql.dialect === 'postgres' ? 30_000 : 0,
  ) {}

  /**
   * True when appends commit in the order they were called even if several are under way (one
   * writer thread), so the persist queue need not wait for one before handing over the next.
   */
  get ordersAppends(): boolean {
    return this.sql.writer !== null;
  }

  /** Appends updates in one transaction; resolves once they are committed. */
  async append(rows: readonly UpdateRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = Date.now();
    const claims = rows.flatMap((r) => (r.claims ?? []).map((c) => this.claimInsert(r.room, c, now)));
    if (this.sql.writer) {
      // The writer thread commits in the order it is handed work: the claims are on disk no later than the updates.
      const claimed = claims.length > 0 ? this.sql.write(claims) : null;
      const appended = this.sql.writer.append(rows.map((r) => ({ room: r.room, data: r.data, userId: r.userId, at: now })));
      await Promise.all([claimed, appended]);
      return;
    }
    await this.sql.db.transaction().execute(async (trx) => {
      for (const claim of claims) await trx.executeQuery(claim.compile());
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await trx
          .insertInto('doc_updates')
          .values(chunk.map((r) => ({ room: r.room, data: r.data, user_id: r.userId, created_at: now })))
          .execute();
      }
    });
  }

  /** The owners of a room's client ids (see sync/clientOwners.ts). */
  async clientOwners(room: string): Promise<ClientClaim[]> {
    const rows = await this.sql.db.selectFrom('doc_clients').select(['client_id', 'user_id', 'role', 'organisation_id', 'claimed_at']).where('room', '=', room).execute();
    return rows.map((r) => ({ clientId: Number(r.client_id), userId: r.user_id, role: r.role, organisationId: r.organisation_id, at: r.claimed_at }));
  }

  /** The first claim of a client id stays: a second one (another process, a retry) changes nothing. */
  private claimInsert(room: string, c: ClientClaim, now: number) {
    return this.sql.db
      .insertInto('doc_clients')
      .values({ room, client_id: c.clientId, user_id: c.userId, role: c.role, organisation_id: c.organisationId, claimed_at: c.at ?? new Date(now).toISOString() })
      .onConflict((oc) => oc.columns(['room', 'client_id']).doNothing());
  }

  async load(room: string): Promise<StoredRoom> {
    const snap = await this.sql.db
      .selectFrom('doc_snapshots')
      .select(['upto_id', 'data'])
      .where('room', '=', room)
      .orderBy('upto_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const after = snap?.upto_id ?? 0;
    const rows = await this.updatesAfter(room, after);
    return {
      snapshot: snap ? toBytes(snap.data) : null,
      updates: rows.map((r) => r.data),
      lastId: rows.at(-1)?.id ?? after,
    };
  }

  /** Updates of a room with an id above `afterId`, in id order. */
  async updatesAfter(room: string, afterId: number): Promise<{ id: number; data: Uint8Array; userId: string; at: number }[]> {
    const rows = await this.sql.db
      .selectFrom('doc_updates')
      .select(['id', 'data', 'user_id', 'created_at'])
      .where('room', '=', room)
      .where('id', '>', afterId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, data: toBytes(r.data), userId: r.user_id, at: Number(r.created_at) }));
  }

  /** Everything stored of a room: every logged update and every snapshot. */
  async everything(room: string): Promise<{ updates: { id: number; data: Uint8Array }[]; snapshots: { uptoId: number; data: Uint8Array }[] }> {
    const [updates, snapshots] = await Promise.all([
      this.sql.db.selectFrom('doc_updates').select(['id', 'data']).where('room', '=', room).orderBy('id').execute(),
      this.sql.db.selectFrom('doc_snapshots').select(['upto_id', 'data']).where('room', '=', room).orderBy('upto_id').execute(),
    ]);
    return { updates: updates.map((r) => ({ id: r.id, data: toBytes(r.data) })), snapshots: snapshots.map((r) => ({ uptoId: r.upto_id, data: toBytes(r.data) })) };
  }

  /**
   * Replaces the bytes of stored updates and snapshots, in one transaction (destroying content on
   * request: see history/destruction.ts). Ids, authors and times stay.
   */
  async rewrite(room: string, updates: readonly { id: number; data: Uint8Array }[], snapshots: readonly { uptoId: number; data: Uint8Array }[]): Promise<void> {
    await this.sql.db.transaction().execute(async (trx) => {
      for (const u of updates) await trx.updateTable('doc_updates').set({ data: u.data }).where('room', '=', room).where('id', '=', u.id).execute();
      for (const s of snapshots) await trx.updateTable('doc_snapshots').set({ data: s.data }).where('room', '=', room).where('upto_id', '=', s.uptoId).execute();
    });
  }

  /** Number of logged updates a load of this room would replay. */
  async tailLength(room: string): Promise<number> {
    const snap = await this.sql.db.selectFrom('doc_snapshots').select((eb) => eb.fn.max('upto_id').as('upto')).where('room', '=', room).executeTakeFirst();
    const row = await this.sql.db
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('room', '=', room)
      .where('id', '>', Number(snap?.upto ?? 0))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Compacts a room: writes the settled tail of its log into a new snapshot. Only one process compacts a room
   * at a time: on PostgreSQL an advisory lock; on SQLite the one process compacts one room at a
   * time (DocRegistry) and its snapshot is written by the writer thread, so the event loop never
   * waits for the write lock. Returns the number of updates folded in.
   */
  async compact(room: string): Promise<number> {
    if (this.sql.dialect === 'sqlite') return this.snapshotTail(this.sql.db, room, (insert) => this.sql.write([insert]));
    return this.sql.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext(${room})) as locked`.execute(trx);
      if (!rows[0]?.locked) return 0;
      return this.snapshotTail(trx, room, async (insert) => {
        await insert.execute();
      });
    });
  }

  private async snapshotTail(db: Kysely<Database>, room: string, store: (insert: InsertQueryBuilder<Database, 'doc_snapshots', InsertResult>) => Promise<void>): Promise<number> {
    const snap = await db.selectFrom('doc_snapshots').select(['upto_id', 'data']).where('room', '=', room).orderBy('upto_id', 'desc').limit(1).executeTakeFirst();
    const settledBefore = Date.now() - this.settleMs;
    const after = await db
      .selectFrom('doc_updates')
      .select(['id', 'data', 'created_at'])
      .where('room', '=', room)
      .where('id', '>', snap?.upto_id ?? 0)
      .orderBy('id')
      .execute();
    // Only the settled prefix: a young row below a settled one would end up under `upto_id`
    // without being in the snapshot, and no load would ever read it again.
    const young = after.findIndex((r) => Number(r.created_at) > settledBefore);
    const tail = young === -1 ? after : after.slice(0, young);
    if (tail.length === 0) return 0;
    const doc = new Y.Doc({ gc: true });
    Y.transact(doc, () => {
      if (snap) Y.applyUpdate(doc, toBytes(snap.data));
      for (const row of tail) Y.applyUpdate(doc, toBytes(row.data));
    });
    const data = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await store(db.insertInto('doc_snapshots').values({ room, upto_id: tail.at(-1)!.id, data, created_at: Date.now() }));
    return tail.length;
  }
}

/** pg returns Buffer, better-sqlite3 returns Buffer; Yjs wants a plain Uint8Array view. */
export function toBytes(data: Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
