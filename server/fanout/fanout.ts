import { z } from 'zod';
import { CaseEvent } from '../../shared/api.ts';

/** What travels between server processes besides document content. */
export const ControlMessage = z.discriminatedUnion('type', [
  /** Consents, grants or participants of a case changed: re-check every open socket of it. */
  z.object({ type: z.literal('access-changed'), caseId: z.string() }),
  /** Someone signed out: close that session's sockets and live-event streams. `sessionId` is the token's hash, never the token. */
  z.object({ type: z.literal('session-ended'), sessionId: z.string() }),
  /** Someone's notices changed (a new one, some read): their open header streams count again. No count, no content. */
  z.object({ type: z.literal('notices-changed'), userId: z.string() }),
  /** Stored updates of a room were rewritten (content destroyed on request): cached histories of it are stale. */
  z.object({ type: z.literal('history-rewritten'), caseId: z.string(), room: z.string() }),
  /**
   * Something shown on the case page changed (status, comments, confirmations, content). With a
   * section id, only listeners who may read that section hear of it.
   */
  z.object({
    type: z.literal('case-changed'),
    caseId: z.string(),
    what: CaseEvent.shape.what,
    sectionId: z.string().optional(),
    /** About a professionals-only comment thread: family members do not even hear that it changed. */
    professionalsOnly: z.literal(true).optional(),
  }),
]);
export type ControlMessage = z.infer<typeof ControlMessage>;

/** `claim`: the owners of new client ids of the room, sent before the update that takes them. */
export type RoomMessageKind = 'update' | 'awareness' | 'claim';

export type FanoutStatus = 'local' | 'connected' | 'down';

/**
 * Delivers room messages and control messages to the other server processes. The local
 * implementation has no other processes; the Redis one uses pub/sub.
 */
export interface Fanout {
  publish(room: string, kind: RoomMessageKind, payload: Uint8Array): void;
  subscribe(room: string, onMessage: (kind: RoomMessageKind, payload: Uint8Array) => void): void;
  unsubscribe(room: string): void;
  /** Sends to every process, this one included. */
  control(message: ControlMessage): void;
  onControl(handler: (message: ControlMessage) => void): void;
  /** Hands a control message to this process's handlers only: for a change each process finds by itself. */
  controlHere(message: ControlMessage): void;
  /** Called after the connection to the other processes came back, to repair missed messages. */
  onReconnect(handler: () => void): void;
  status(): FanoutStatus;
  close(): Promise<void>;
}

export class LocalFanout implements Fanout {
  private readonly handlers: ((m: ControlMessage) => void)[] = [];
  publish(): void {}
  subscribe(): void {}
  unsubscribe(): void {}
  control(message: ControlMessage): void {
    this.controlHere(message);
  }
  controlHere(message: ControlMessage): void {
    for (const h of this.handlers) queueMicrotask(() => h(message));
  }
  onControl(handler: (message: ControlMessage) => void): void {
    this.handlers.push(handler);
  }
  onReconnect(): void {}
  status(): FanoutStatus {
    return 'local';
  }
  async close(): Promise<void> {}
}
