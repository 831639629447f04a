import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
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
import { readAwarenessUpdate, withServerIdentity, writeAwarenessUpdate } from './awarenessIdentity.ts';
import { blockAuthorityRefusal } from './blockAuthority.ts';
import type { ClientOwner } from './clientOwners.ts';
import type { Peer, SectionDoc } from './sectionDoc.ts';

export interface ConnectionHooks {
  /** An update by this connection was stored and relayed. */
  onStored(conn: SyncConnection): void;
  /** Storage failed; the document must be dropped and its sockets closed. */
  onStorageFailure(conn: SyncConnection, error: unknown): void;
  onClose(conn: SyncConnection): void;
}

/**
 * One socket on one section document: decodes y-websocket messages and enforces the access level
 * decided at upgrade (and re-decided when access changes). A bad message closes this socket only.
 */
export class SyncConnection implements Peer {
  private readonly awarenessClients = new Set<number>();
  /** Who this socket writes as: the participant in the role and organisation the server knows. */
  private readonly author: ClientOwner;
  private closed = false;
  // What happens once an update is stored (or is not): made once per socket, not per update.
  private readonly stored = () => this.hooks.onStored(this);
  private readonly storageFailed = (e: unknown) => this.hooks.onStorageFailure(this, e);
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
    readonly doc: SectionDoc,
    readonly caseId: string,
    readonly sectionId: string,
    readonly participant: Participant,
    public level: AccessLevel,
    private readonly presence: PresenceUser,
    private readonly hooks: ConnectionHooks,
  ) {
    this.author = { userId: participant.userId, role: participant.role, organisationId: participant.organisationId };
    doc.peers.add(this);
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', () => this.close(1011, 'socket error'));
    // Read-only clients have nothing to contribute, so they are not asked for their state.
    if (level === 'edit') this.send(doc.syncStep1Message());
    const awareness = doc.awarenessMessage();
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
        this.receiveAwareness(decoding.readVarUint8Array(decoder));
        return;
      case messageQueryAwareness: {
        const reply = this.doc.awarenessMessage();
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
      void this.doc.answerSyncStep1(payload, this);
      return;
    }
    if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) throw new Error(`unknown sync step ${step}`);
    if (isEmptyUpdate(payload)) return;
    if (this.level !== 'edit') {
      this.close(CloseCode.readOnly, 'read-only');
      return;
    }
    // Authorship first: text under someone else's client id would be history in their name.
    const owners = this.doc.checkOwners(payload, this.author);
    if (owners.refused) {
      this.close(CloseCode.invalidContent, 'schrijft met de client-id van iemand anders');
      return;
    }
    // Conditions and decisions are set only by those the domain lets set them; others may propose in a comment.
    const reason = blockAuthorityRefusal(this.doc.doc, payload, this.participant) ?? this.doc.guard.rejectReason(payload);
    if (reason) {
      this.close(CloseCode.invalidContent, reason);
      return;
    }
    this.doc.applyLocal(payload, this, this.participant.userId, owners.claims).then(this.stored, this.storageFailed);
  }

  private receiveAwareness(update: Uint8Array): void {
    const owners = this.doc.awarenessOwners;
    // A connection may only speak for its own awareness clients, never impersonate another.
    const entries = readAwarenessUpdate(update).filter((e) => {
      const owner = owners.get(e.clientId);
      return owner === undefined || owner === this;
    });
    if (entries.length === 0) return;
    for (const e of entries) {
      owners.set(e.clientId, this);
      this.awarenessClients.add(e.clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.doc.awareness, writeAwarenessUpdate(withServerIdentity(entries, this.presence)), this);
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.doc.peers.delete(this);
    for (const id of this.awarenessClients) this.doc.awarenessOwners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.doc.awareness, [...this.awarenessClients], null);
    this.hooks.onClose(this);
  }
}

/** An update with no structs and no deletions: `[0, 0]` in the v1 encoding. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
