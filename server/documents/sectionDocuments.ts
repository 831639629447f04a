import type * as Y from 'yjs';
import type { Participant } from '../../shared/caseModel.ts';
import { type CaseId, roomName, type SectionInstanceId } from '../../shared/ids.ts';
import { CloseEvents } from '../../shared/protocol.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { AfterStore } from './afterStore.ts';
import { PersistQueue } from './persistQueue.ts';
import { Room, type Writer } from './room.ts';
import type { UpdateLog } from './updateLog.ts';

/** Logged updates after the last snapshot above which a room is compacted when it unloads. */
const COMPACT_AFTER = 200;

/**
 * The section documents of this process: the one way the server reads and changes them. A
 * document is loaded once, however many sockets and requests ask for it at the same time, and
 * unloaded (and compacted when its log grew long) after its last holder left and everything it
 * accepted is stored. Storing that fails is handled here, once, for sockets and server edits alike.
 */
export class SectionDocuments {
  readonly queue: PersistQueue;
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly holds = new Map<string, number>();
  /**
   * Compactions run one at a time with a turn of the event loop between them: when a meeting ends
   * and twenty sections close together, their compactions (each a replay of the tail) would
   * otherwise hold up everyone else's typing for a noticeable moment.
   */
  private compactions: Promise<void> = Promise.resolve();
  private readonly events = {
    stored: (room: Room, writer: Writer) => {
      const [caseId, sectionId] = splitRoom(room.name);
      this.afterStore.stored(caseId, sectionId, writer);
    },
    storageFailed: (room: Room, error: unknown) => this.dropAfterStorageFailure(room, error),
  };

  constructor(
    private readonly log: UpdateLog,
    private readonly fanout: Fanout,
    private readonly afterStore: AfterStore,
    private readonly report: (msg: string, err?: unknown) => void,
  ) {
    this.queue = new PersistQueue(log);
  }

  /** Loads (or shares) the room and holds it until {@link release}. */
  async open(room: string): Promise<Room> {
    this.holds.set(room, (this.holds.get(room) ?? 0) + 1);
    let loading = this.rooms.get(room);
    if (!loading) {
      loading = this.load(room);
      this.rooms.set(room, loading);
      loading.catch(() => this.rooms.delete(room));
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

  /** Runs `read` on a room (loading it if nobody has it open). */
  async withRoom<T>(room: string, read: (room: Room) => T): Promise<T> {
    const open = await this.open(room);
    try {
      return read(open);
    } finally {
      this.release(room);
    }
  }

  /** Runs `read` on the live document of a room. */
  read<T>(room: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.withRoom(room, (r) => read(r.doc));
  }

  /**
   * Runs `read` on a section for a reader of the whole case, so one odd section (stored before a
   * rule existed) can never fail it for everyone: when `read` throws, that is logged by room and
   * kind of error (never the message, which may quote content) and `fallback` is used. Loading is
   * not covered: a store that fails, fails the request.
   */
  readOr<T>(room: string, log: (msg: string) => void, read: (doc: Y.Doc) => T, fallback: T): Promise<T> {
    return this.read(room, (doc) => {
      try {
        return read(doc);
      } catch (e) {
        log(`section ${room} could not be read (${e instanceof Error ? e.name : typeof e}); left out`);
        return fallback;
      }
    });
  }

  /**
   * A change made by the server on someone's behalf (restoring a version, removing a passage):
   * applied to the live document, stored in the log with that person as author, relayed to every
   * open socket and to the other processes, and handed to the after-store listeners like any edit.
   * Rejects when storage failed.
   */
  async applyServerEdit(caseId: string, sectionId: string, author: Pick<Participant, 'userId' | 'name' | 'role' | 'organisationId'>, update: Uint8Array): Promise<void> {
    const room = roomName(caseId as CaseId, sectionId as SectionInstanceId);
    await this.withRoom(room, (r) => r.applyServerEdit(update, author));
    await this.afterStore.storedByServer({ caseId, sectionId, userId: author.userId, name: author.name, at: new Date().toISOString() });
  }

  /** Rooms currently in memory. */
  inMemory(): Promise<Room[]> {
    return Promise.all([...this.rooms.values()].map((p) => p.catch(() => null))).then((all) => all.filter((r): r is Room => r !== null));
  }

  get size(): number {
    return this.rooms.size;
  }

  /** After the fan-out was down: every room in memory catches up from the log. */
  async repairAll(): Promise<void> {
    for (const room of await this.inMemory()) {
      try {
        await room.repair(this.log);
      } catch (e) {
        this.report(`repair of ${room.name} failed`, e);
      }
    }
  }

  /** Waits until everything accepted is stored, hands over the last edits, and unloads every room. */
  async closeAll(): Promise<void> {
    const rooms = await this.inMemory();
    await Promise.all(rooms.map((r) => r.settled()));
    await this.afterStore.close();
    for (const r of rooms) r.destroy();
    this.rooms.clear();
  }

  /**
   * Storing an update of `room` failed: its memory may hold what is not stored, so it is dropped
   * and its sockets close (1011); their clients reconnect, load it again from storage and send
   * what is missing.
   */
  private dropAfterStorageFailure(room: Room, error: unknown): void {
    this.report(`storing an update of ${room.name} failed; reloading it`, error);
    if (this.rooms.get(room.name) !== undefined) {
      this.rooms.delete(room.name);
      room.destroy();
    }
    const { code, reason } = CloseEvents.storageFailure;
    room.closeAll(code, reason);
  }

  private async load(name: string): Promise<Room> {
    const room = new Room(name, this.queue, this.fanout, this.events);
    await room.load(this.log);
    return room;
  }

  private async unloadWhenIdle(name: string): Promise<void> {
    const loading = this.rooms.get(name);
    if (!loading) return;
    const room = await loading.catch(() => null);
    if (!room) return;
    await room.settled();
    if ((this.holds.get(name) ?? 0) > 0 || this.rooms.get(name) !== loading) return;
    this.rooms.delete(name);
    room.destroy();
    const compacted = this.compactions.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => this.compactIfLong(name));
    this.compactions = compacted;
    await compacted;
  }

  private async compactIfLong(room: string): Promise<void> {
    try {
      if ((await this.log.tailLength(room)) > COMPACT_AFTER) await this.log.compact(room);
    } catch (e) {
      this.report(`compaction of ${room} failed`, e);
    }
  }
}

/** `<caseId>/<sectionInstanceId>`: ids never hold a slash. */
function splitRoom(room: string): [string, string] {
  const slash = room.indexOf('/');
  return [room.slice(0, slash), room.slice(slash + 1)];
}
