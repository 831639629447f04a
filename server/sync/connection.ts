import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import type { AccessLevel, Participant } from '../../shared/caseModel.ts';
import type { PresenceUser } from '../../shared/identity.ts';
import {
  CloseCode,
  MAX_MESSAGE_BYTES,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  messageYjsSyncStep1,
  messageYjsSyncStep2,
  messageYjsUpdate,
} from '../../shared/protocol.ts';
import type { Peer, Room } from '../documents/room.ts';

/**
 * One socket on one section document: decodes y-websocket messages, enforces the access level
 * decided at upgrade (and re-decided when access changes) and hands the rest to its room. A bad
 * message closes this socket only.
 */
export class SyncConnection implements Peer {
  private closed = false;
  /** Whether something was sent to this socket in this turn, and whether later sends are gathered. */
  private sentThisTurn = false;
  private corked = false;
  private readonly endTurn = () => {
    this.sentThisTurn = false;
    if (!this.corked) return;
    this.corked = false;
    this.socket.uncork();
  };

  constructor(
    private readonly ws: WebSocket,
    /** The TCP socket under `ws`, to gather writes. */
    private readonly socket: Duplex,
    readonly room: Room,
    readonly caseId: string,
    readonly sectionId: string,
    /** Who this socket writes as: the participant in the role and organisation the server knows. */
    readonly participant: Participant,
    public level: AccessLevel,
    private readonly presence: PresenceUser,
    /** Who may read this section now (user ids): the only people a safety agreement may name. Kept current by the access watch. */
    public readers: readonly string[],
    private readonly onClose: (conn: SyncConnection) => void,
  ) {
    room.attach(this);
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', () => this.close(1011, 'socket error'));
    // Read-only clients have nothing to contribute, so they are not asked for their state.
    if (level === 'edit') this.send(room.syncStep1Message());
    const awareness = room.awarenessMessage();
    if (awareness) this.send(awareness);
  }

  /**
   * The first message of a turn of the event loop goes out at once; the ones after it in the same
   * turn go out together, in one write. Under load a stored batch relays several updates of a room
   * at once, and one system call per update per peer is then most of the server's work.
   */
  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (!this.sentThisTurn) {
      this.sentThisTurn = true;
      // After every promise continuation of this turn (the rest of the batch) has sent.
      process.nextTick(this.endTurn);
    } else if (!this.corked) {
      this.corked = true;
      this.socket.cork();
    }
    this.ws.send(message, { binary: true });
  }

  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.cleanup();
    this.ws.close(code, reason.slice(0, 120));
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CloseCode.malformed, 'binary messages only');
      return;
    }
    if (data.byteLength > MAX_MESSAGE_BYTES) {
      this.close(CloseCode.tooLarge, 'message too large');
      return;
    }
    try {
      this.dispatch(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch {
      this.close(CloseCode.malformed, 'malformed message');
    }
  }

  private dispatch(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageSync:
        this.receiveSync(decoder);
        return;
      case messageAwareness:
        this.room.receiveAwareness(decoding.readVarUint8Array(decoder), this, this.presence);
        return;
      case messageQueryAwareness: {
        const reply = this.room.awarenessMessage();
        if (reply) this.send(reply);
        return;
      }
      case messageAuth:
        throw new Error('auth messages only go from server to client');
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === messageYjsSyncStep1) {
      void this.room.answerSyncStep1(payload, this);
      return;
    }
    if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) throw new Error(`unknown sync step ${step}`);
    if (isEmptyUpdate(payload)) return;
    if (this.level !== 'edit') {
      this.close(CloseCode.readOnly, 'read-only');
      return;
    }
    const refused = this.room.receiveUpdate(payload, this, this.participant, this.readers);
    if (refused) this.close(CloseCode.invalidContent, refused);
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.detach(this);
    this.onClose(this);
  }
}

/** An update with no structs and no deletions: `[0, 0]` in the v1 encoding. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
