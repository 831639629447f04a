import { type ClientClaim, type EverythingStored, foldSnapshot, type LoggedUpdate, settledPrefix, type StoredRoom, type UpdateLog, type UpdateRow } from './updateLog.ts';

/**
 * The update log in memory, for tests and tools that need no disk: the same contract as the SQL
 * logs (one id sequence for all rooms, snapshots that never skip an unsettled row), gone when the
 * process ends. Appends settle in call order.
 */
export class MemoryUpdateLog implements UpdateLog {
  readonly ordersAppends = true;
  private readonly rows = new Map<string, LoggedUpdate[]>();
  private readonly snapshots = new Map<string, { uptoId: number; data: Uint8Array }[]>();
  private readonly claims = new Map<string, Map<number, ClientClaim>>();
  private lastId = 0;

  constructor(readonly settleMs = 0) {}

  async append(rows: readonly UpdateRow[]): Promise<void> {
    const at = Date.now();
    for (const r of rows) {
      const owners = this.claims.get(r.room) ?? new Map<number, ClientClaim>();
      this.claims.set(r.room, owners);
      for (const c of r.claims ?? []) if (!owners.has(c.clientId)) owners.set(c.clientId, { ...c, at: c.at ?? new Date(at).toISOString() });
      this.logOf(r.room).push({ id: ++this.lastId, data: r.data.slice(), userId: r.userId, at });
    }
  }

  async load(room: string): Promise<StoredRoom> {
    const snap = this.snapshotsOf(room).at(-1) ?? null;
    const after = snap?.uptoId ?? 0;
    const rows = await this.updatesAfter(room, after);
    return { snapshot: snap ? snap.data.slice() : null, updates: rows.map((r) => r.data), lastId: rows.at(-1)?.id ?? after };
  }

  async updatesAfter(room: string, afterId: number): Promise<LoggedUpdate[]> {
    return this.logOf(room)
      .filter((r) => r.id > afterId)
      .map((r) => ({ ...r, data: r.data.slice() }));
  }

  async clientOwners(room: string): Promise<ClientClaim[]> {
    return [...(this.claims.get(room)?.values() ?? [])].map((c) => ({ ...c }));
  }

  async everything(room: string): Promise<EverythingStored> {
    return {
      updates: this.logOf(room).map((r) => ({ id: r.id, data: r.data.slice() })),
      snapshots: this.snapshotsOf(room).map((s) => ({ uptoId: s.uptoId, data: s.data.slice() })),
    };
  }

  async rewrite(room: string, updates: EverythingStored['updates'], snapshots: EverythingStored['snapshots']): Promise<void> {
    for (const u of updates) {
      const row = this.logOf(room).find((r) => r.id === u.id);
      if (row) row.data = u.data.slice();
    }
    for (const s of snapshots) {
      const snap = this.snapshotsOf(room).find((x) => x.uptoId === s.uptoId);
      if (snap) snap.data = s.data.slice();
    }
  }

  async tailLength(room: string): Promise<number> {
    const after = this.snapshotsOf(room).at(-1)?.uptoId ?? 0;
    return this.logOf(room).filter((r) => r.id > after).length;
  }

  async compact(room: string): Promise<number> {
    // Without an await before the snapshot is in place: two compactions of a room cannot interleave.
    const snap = this.snapshotsOf(room).at(-1) ?? null;
    const tail = settledPrefix(
      this.logOf(room).filter((r) => r.id > (snap?.uptoId ?? 0)),
      this.settleMs,
    );
    if (tail.length === 0) return 0;
    this.snapshotsOf(room).push({ uptoId: tail.at(-1)!.id, data: foldSnapshot(snap?.data ?? null, tail.map((r) => r.data)) });
    return tail.length;
  }

  private logOf(room: string): LoggedUpdate[] {
    const log = this.rows.get(room) ?? [];
    this.rows.set(room, log);
    return log;
  }

  private snapshotsOf(room: string): { uptoId: number; data: Uint8Array }[] {
    const list = this.snapshots.get(room) ?? [];
    this.snapshots.set(room, list);
    return list;
  }
}
