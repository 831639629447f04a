import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ControlMessage, type Fanout, type FanoutStatus, type RoomMessageKind } from './fanout.ts';

const ROOM_PREFIX = 'tafel:room:';
const CONTROL = 'tafel:control';
const KINDS: RoomMessageKind[] = ['update', 'awareness'];
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

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    for (const conn of [pub, sub]) {
      conn.on('error', () => {});
      conn.on('close', () => {
        if (!this.wasDown) log('Redis-verbinding verbroken; deze server bedient alleen nog zijn eigen verbindingen');
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

  static async connect(url: string, log: (msg: string, err?: unknown) => void): Promise<RedisFanout> {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(n * 200, 2000), lazyConnect: true };
    const pub = new Redis(url, options);
    const sub = new Redis(url, { ...options, enableOfflineQueue: true });
    await Promise.all([pub.connect(), sub.connect()]);
    const fanout = new RedisFanout(pub, sub, log);
    await sub.subscribe(CONTROL);
    return fanout;
  }

  publish(room: string, kind: RoomMessageKind, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.from([KINDS.indexOf(kind)]), this.self, payload]);
    this.pub.publish(ROOM_PREFIX + room, message).catch(() => {});
  }

  subscribe(room: string, onMessage: (kind: RoomMessageKind, payload: Uint8Array) => void): void {
    this.rooms.set(room, onMessage);
    this.sub.subscribe(ROOM_PREFIX + room).catch((e) => this.log(`subscribe ${room}`, e));
  }

  unsubscribe(room: string): void {
    this.rooms.delete(room);
    this.sub.unsubscribe(ROOM_PREFIX + room).catch(() => {});
  }

  control(message: ControlMessage): void {
    for (const h of this.controlHandlers) queueMicrotask(() => h(message));
    const body = Buffer.concat([this.self, Buffer.from(JSON.stringify(message))]);
    this.pub.publish(CONTROL, body).catch(() => {});
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
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === CONTROL) {
      if (message.subarray(0, ID_BYTES).equals(this.self)) return;
      try {
        const parsed = ControlMessage.parse(JSON.parse(message.subarray(ID_BYTES).toString()));
        for (const h of this.controlHandlers) h(parsed);
      } catch (e) {
        this.log('bad control message', e);
      }
      return;
    }
    const handler = this.rooms.get(channel.slice(ROOM_PREFIX.length));
    if (!handler || message.length < 1 + ID_BYTES) return;
    if (message.subarray(1, 1 + ID_BYTES).equals(this.self)) return;
    const kind = KINDS[message[0]!];
    if (kind) handler(kind, new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES));
  }
}
