import type { Kysely } from 'kysely';
import type { SqlStore } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import { type ClientClaim, type EverythingStored, foldSnapshot, type LoggedUpdate, settledPrefix, type StoredRoom, toBytes, type UpdateLog, type UpdateRow } from './updateLog.ts';

/**
 * What the SQLite and PostgreSQL update logs share: the tables (`doc_updates`, `doc_snapshots`,
 * `doc_clients`) and every read. How a batch is appended and how one process keeps a room's
 * compaction to itself differ, and live in the two subclasses.
 */
export abstract class SqlUpdateLog implements UpdateLog {
  abstract readonly ordersAppends: boolean;

  constructor(
    protected readonly sql: SqlStore,
    readonly settleMs: number,
  ) {}

  abstract append(rows: readonly UpdateRow[]): Promise<void>;
  abstract compact(room: string): Promise<number>;

  async load(room: string): Promise<StoredRoom> {
    const snap = await this.latestSnapshot(this.sql.db, room);
    const after = snap?.upto_id ?? 0;
    const rows = await this.updatesAfter(room, after);
    return { snapshot: snap ? toBytes(snap.data) : null, updates: rows.map((r) => r.data), lastId: rows.at(-1)?.id ?? after };
  }

  updatesAfter(room: string, afterId: number): Promise<LoggedUpdate[]> {
    return this.rowsAfter(this.sql.db, room, afterId);
  }

  async clientOwners(room: string): Promise<ClientClaim[]> {
    const rows = await this.sql.db.selectFrom('doc_clients').select(['client_id', 'user_id', 'role', 'organisation_id', 'claimed_at']).where('room', '=', room).execute();
    return rows.map((r) => ({ clientId: Number(r.client_id), userId: r.user_id, role: r.role, organisationId: r.organisation_id, at: r.claimed_at }));
  }

  async everything(room: string): Promise<EverythingStored> {
    const [updates, snapshots] = await Promise.all([
      this.sql.db.selectFrom('doc_updates').select(['id', 'data']).where('room', '=', room).orderBy('id').execute(),
      this.sql.db.selectFrom('doc_snapshots').select(['upto_id', 'data']).where('room', '=', room).orderBy('upto_id').execute(),
    ]);
    return { updates: updates.map((r) => ({ id: r.id, data: toBytes(r.data) })), snapshots: snapshots.map((r) => ({ uptoId: r.upto_id, data: toBytes(r.data) })) };
  }

  async rewrite(room: string, updates: EverythingStored['updates'], snapshots: EverythingStored['snapshots']): Promise<void> {
    await this.sql.db.transaction().execute(async (trx) => {
      for (const u of updates) await trx.updateTable('doc_updates').set({ data: u.data }).where('room', '=', room).where('id', '=', u.id).execute();
      for (const s of snapshots) await trx.updateTable('doc_snapshots').set({ data: s.data }).where('room', '=', room).where('upto_id', '=', s.uptoId).execute();
    });
  }

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

  /** The first claim of a client id stays: a second one (another process, a retry) changes nothing. */
  protected claimInsert(room: string, c: ClientClaim, now: number) {
    return this.sql.db
      .insertInto('doc_clients')
      .values({ room, client_id: c.clientId, user_id: c.userId, role: c.role, organisation_id: c.organisationId, claimed_at: c.at ?? new Date(now).toISOString() })
      .onConflict((oc) => oc.columns(['room', 'client_id']).doNothing());
  }

  /**
   * The next snapshot of a room, read through `db` (a transaction holding the room's lock, or the
   * store): the latest one with the settled tail after it folded in. Null when nothing settled.
   */
  protected async nextSnapshot(db: Kysely<Database>, room: string): Promise<{ room: string; upto_id: number; data: Uint8Array; created_at: number; folded: number } | null> {
    const snap = await this.latestSnapshot(db, room);
    const tail = settledPrefix(await this.rowsAfter(db, room, snap?.upto_id ?? 0), this.settleMs);
    if (tail.length === 0) return null;
    const data = foldSnapshot(snap ? toBytes(snap.data) : null, tail.map((r) => r.data));
    return { room, upto_id: tail.at(-1)!.id, data, created_at: Date.now(), folded: tail.length };
  }

  private latestSnapshot(db: Kysely<Database>, room: string) {
    return db.selectFrom('doc_snapshots').select(['upto_id', 'data']).where('room', '=', room).orderBy('upto_id', 'desc').limit(1).executeTakeFirst();
  }

  private async rowsAfter(db: Kysely<Database>, room: string, afterId: number): Promise<LoggedUpdate[]> {
    const rows = await db.selectFrom('doc_updates').select(['id', 'data', 'user_id', 'created_at']).where('room', '=', room).where('id', '>', afterId).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, data: toBytes(r.data), userId: r.user_id, at: Number(r.created_at) }));
  }
}
