import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ControlMessage, type Fanout, type FanoutStatus, type RoomMessageKind } from './fanout.ts';

const KINDS: RoomMessageKind[] = ['update', 'awareness', 'claim'];
const ID_BYTES = 8;

/**
 * Fan-out over Redis pub/sub. A process subscribes to the rooms it holds; messages carry the
 * sender's id so a process ignores its own. Redis keeps nothing: storage stays the source of
 * truth, and after an outage every process repairs its open documents from the log.
 *
 * Room message wire format: kind (1 byte) · sender id (8 bytes) · payload.
 */
export class RedisFanout implements Fanout {
  private readonly self = randomBytes(ID_BYTES);
  private readonly rooms = new Map<string, (kind: RoomMessageKind, payload: Uint8Array) => void>();
  private readonly controlHandlers: ((m: ControlMessage) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  private wasDown = false;
  private closing = false;
  private readonly roomPrefix: string;
  private readonly controlChannel: string;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: (msg: string, err?: unknown) => void,
    scope: string | undefined,
  ) {
    const base = scope ? `tafel:${scope}:` : 'tafel:';
    this.roomPrefix = `${base}room:`;
    this.controlChannel = `${base}control`;
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    // A subscription asked for while Redis was down can be dropped from ioredis' queue; ask again.
    sub.on('ready', () => void this.subscribeAll());
    for (const conn of [pub, sub]) {
      conn.on('error', () => {});
      conn.on('close', () => {
        if (!this.wasDown && !this.closing) log('Redis-verbinding verbroken; deze server bedient alleen nog zijn eigen verbindingen');
        this.wasDown = true;
      });
      conn.on('ready', () => {
        if (this.wasDown && this.status() === 'connected') {
          this.wasDown = false;
          log('Redis-verbinding hersteld; open documenten worden bijgewerkt');
          for (const h of this.reconnectHandlers) h();
        }
      });
    }
  }

  /**
   * Connects to Redis. An unreachable Redis does not stop the server: it starts with fan-out
   * `down`, serves its own clients, and ioredis keeps retrying. `scope` (the PostgreSQL schema)
   * keeps deployments that share one Redis from hearing each other's rooms.
   */
  static async connect(url: string, log: (msg: string, err?: unknown) => void, scope?: string): Promise<RedisFanout> {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(n * 200, 2000), lazyConnect: true };
    const pub = new Redis(url, options);
    const sub = new Redis(url, { ...options, enableOfflineQueue: true });
    const fanout = new RedisFanout(pub, sub, log, scope);
    try {
      await Promise.all([pub.connect(), sub.connect()]);
      // Before the server listens: an access change must never slip past a fresh process.
      await fanout.subscribeAll();
    } catch (e) {
      log('Redis niet bereikbaar bij het starten; deze server bedient alleen zijn eigen verbindingen tot Redis er is', e);
    }
    return fanout;
  }

  publish(room: string, kind: RoomMessageKind, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.from([KINDS.indexOf(kind)]), this.self, payload]);
    this.pub.publish(this.roomPrefix + room, message).catch(() => {});
  }

  subscribe(room: string, onMessage: (kind: RoomMessageKind, payload: Uint8Array) => void): void {
    this.rooms.set(room, onMessage);
    if (this.sub.status === 'ready') this.sub.subscribe(this.roomPrefix + room).catch((e) => this.log(`subscribe ${room}`, e));
  }

  unsubscribe(room: string): void {
    this.rooms.delete(room);
    if (this.sub.status === 'ready') this.sub.unsubscribe(this.roomPrefix + room).catch(() => {});
  }

  control(message: ControlMessage): void {
    this.controlHere(message);
    const body = Buffer.concat([this.self, Buffer.from(JSON.stringify(message))]);
    this.pub.publish(this.controlChannel, body).catch(() => {});
  }

  controlHere(message: ControlMessage): void {
    for (const h of this.controlHandlers) queueMicrotask(() => h(message));
  }

  onControl(handler: (message: ControlMessage) => void): void {
    this.controlHandlers.push(handler);
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  status(): FanoutStatus {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'connected' : 'down';
  }

  async close(): Promise<void> {
    this.closing = true;
    this.pub.disconnect();
    this.sub.disconnect();
  }

  /** (Re)subscribes the control channel and every held room; Redis ignores repeats. */
  private subscribeAll(): Promise<void> {
    const channels = [this.controlChannel, ...[...this.rooms.keys()].map((r) => this.roomPrefix + r)];
    return this.sub.subscribe(...channels).then(
      () => {},
      (e) => this.log('subscribe', e),
    );
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === this.controlChannel) {
      if (message.subarray(0, ID_BYTES).equals(this.self)) return;
      try {
        const parsed = ControlMessage.parse(JSON.parse(message.subarray(ID_BYTES).toString()));
        for (const h of this.controlHandlers) h(parsed);
      } catch (e) {
        this.log('bad control message', e);
      }
      return;
    }
    const handler = this.rooms.get(channel.slice(this.roomPrefix.length));
    if (!handler || message.length < 1 + ID_BYTES) return;
    if (message.subarray(1, 1 + ID_BYTES).equals(this.self)) return;
    const kind = KINDS[message[0]!];
    if (kind) handler(kind, new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES));
  }
}
