import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { CLOSE_MESSAGE, CloseCode, messageSync, messageYjsSyncStep1, messageYjsSyncStep2 } from '../../shared/protocol.ts';
import { discardCopy, holdCopy } from '../local/deviceData.ts';
import { databaseName, entryFor, updateEntry } from '../local/localIndex.ts';
import { type SaveState, SaveTracker } from '../local/saveState.ts';
import { ownClocks } from '../local/unsentText.ts';
import { type WriteAhead, writeAheadFor } from '../local/writeAhead.ts';
import { useConnection } from '../state/connection.ts';
import { addSession, removeSession } from './liveSessions.ts';

export interface SectionKey {
  userId: string;
  caseId: string;
  sectionId: string;
  title: string;
}

/** What an open section shows; a new object whenever something in it changes. */
export interface SessionView {
  save: SaveState;
  /** The editor may bind: the server synced, or the copy on this device holds the server's state. */
  ready: boolean;
  /** The socket is synced with the server right now. */
  synced: boolean;
  /** The server closed the section for good, in Dutch. */
  closedMessage: string | null;
}

/** Closes after which this device's copy is deleted: no access, or its text can never be stored. */
const DISCARD_ON: ReadonlySet<number> = new Set([CloseCode.forbidden, CloseCode.notFound, CloseCode.readOnly, CloseCode.tooLarge, CloseCode.invalidContent]);
/** Opening IndexedDB may hang (a blocked upgrade in another tab); then the section opens without it. */
const COPY_OPEN_TIMEOUT_MS = 3000;
const TICK_MS = 1000;
/** Soon after a change, ask whether it is stored; changes meanwhile are covered by the same question. */
const PROBE_AFTER_CHANGE_MS = 150;

/**
 * One open section: its Y.Doc, the copy on this device (y-indexeddb, one database per person and
 * section), the y-websocket provider, and whether what was typed is stored (`SaveTracker`).
 * The copy is loaded before connecting, so edits from before a reload go out as soon as the server
 * asks for them; for a section the person may no longer edit, unsent edits are shown once and
 * deleted before anything connects.
 */
export class SectionSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  private writeAhead: WriteAhead | null = null;
  private tracker = new SaveTracker();
  /** Per sync step 1 on the socket, what its answer confirms of our own client ids (null: the provider's). */
  private readonly confirms: (Record<string, number> | null)[] = [];
  private mine = new Set<number>();
  private stored: Record<string, number> = {};
  private copySynced = false;
  private view: SessionView = { save: { kind: 'offline', pending: 0 }, ready: false, synced: false, closedMessage: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly unhold: () => void;

  constructor(
    readonly key: SectionKey,
    private readonly access: AccessLevel,
  ) {
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync/${encodeURIComponent(key.caseId)}`;
    // No BroadcastChannel: every tab answers for its own edits, through the server.
    this.provider = new WebsocketProvider(base, key.sectionId, this.doc, { connect: false, disableBc: true, maxBackoffTime: 2000 });
    const handle = this.provider.messageHandlers[messageSync]!;
    this.provider.messageHandlers[messageSync] = (encoder, decoder, provider, emitSynced, type) => {
      const step = decoding.peekVarUint(decoder);
      handle(encoder, decoder, provider, emitSynced, type);
      if (step === messageYjsSyncStep1) this.tracker.serverAskedForState();
      else if (step === messageYjsSyncStep2) this.answered();
    };
    this.unhold = holdCopy({ release: () => this.destroy() });
    addSession(key, this);
  }

  get current(): SessionView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the copy on this device, then connects. */
  async start(): Promise<void> {
    const { userId, caseId, sectionId } = this.key;
    let entry = entryFor(userId, caseId, sectionId);
    if (entry && entry.pending > 0 && this.access !== 'edit') {
      await discardCopy(userId, caseId, sectionId);
      entry = null;
    }
    if (this.destroyed) return;
    this.mine = new Set(entry?.mine ?? []);
    this.stored = { ...entry?.stored };
    this.copySynced = entry?.synced ?? false;
    this.tracker = new SaveTracker(entry?.pending ?? 0);
    if (typeof indexedDB !== 'undefined') {
      this.persistence = new IndexeddbPersistence(databaseName(userId, caseId, sectionId), this.doc);
      await Promise.race([this.persistence.whenSynced, new Promise((r) => setTimeout(r, COPY_OPEN_TIMEOUT_MS))]);
      if (this.destroyed) return;
      // Keystrokes from just before a reload that IndexedDB may not have committed; y-indexeddb
      // stores them again now, and they count as unsent as they did then.
      this.writeAhead = writeAheadFor(userId, caseId, sectionId);
      for (const update of this.writeAhead.updates()) Y.applyUpdate(this.doc, update, this.writeAhead);
      this.writeAhead.confirm(this.persistence.db);
    }
    if (this.destroyed) return;
    this.doc.on('update', this.onUpdate);
    this.provider.on('status', this.onStatus);
    this.provider.on('sync', this.onSync);
    this.provider.on('closed', this.onClosed);
    // Every end of an attempt, also one that never opened (then no 'disconnected' comes).
    this.provider.on('connection-close', this.onConnectionClose);
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.timer = setInterval(this.tick, TICK_MS);
    this.saveEntry();
    this.tracker.browserConnectivity(navigator.onLine);
    if (navigator.onLine) this.provider.connect();
    this.refresh({ ready: this.copySynced });
  }

  /** Resolves once everything typed is stored, or after `timeoutMs`. */
  whenSaved(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        off();
        resolve(ok);
      };
      const check = () => {
        if (this.view.save.kind === 'saved') done(true);
        else if (this.view.closedMessage) done(false);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const off = this.subscribe(check);
      check();
    });
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unhold();
    removeSession(this.key);
    if (this.timer) clearInterval(this.timer);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    this.doc.off('update', this.onUpdate);
    if (this.persistence) this.saveEntry();
    this.provider.destroy();
    const closing = this.persistence?.destroy();
    this.persistence = null;
    this.doc.destroy();
    this.listeners.clear();
    await closing;
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    // The server's changes and the restored copy are not edits made here.
    if (origin === this.provider || origin === this.persistence) return;
    if (this.persistence) this.writeAhead?.add(update, this.persistence.db);
    this.mine.add(this.doc.clientID);
    this.tracker.localChange();
    this.saveEntry();
    this.probeTimer ??= setTimeout(this.probeNow, PROBE_AFTER_CHANGE_MS);
    this.refresh();
  };

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') {
      this.tracker.socketOpened(Date.now());
      this.confirms.length = 0;
      this.confirms.push(null);
      useConnection.getState().reached();
    } else if (status === 'connecting') {
      this.tracker.socketConnecting(Date.now());
    } else if (status === 'disconnected') {
      this.tracker.socketClosed();
      this.confirms.length = 0;
    }
    this.refresh();
  };

  private readonly onConnectionClose = () => {
    this.tracker.socketClosed();
    this.confirms.length = 0;
    this.refresh();
  };

  private readonly onSync = (synced: boolean) => {
    if (synced && !this.copySynced) {
      this.copySynced = true;
      this.saveEntry();
    }
    this.refresh({ synced, ready: this.view.ready || synced });
  };

  private readonly onClosed = ({ code }: { code: number }) => {
    this.tracker.socketClosed();
    this.refresh({ closedMessage: CLOSE_MESSAGE[code] ?? CLOSE_MESSAGE[CloseCode.malformed]! });
    if (DISCARD_ON.has(code)) void this.discard();
  };

  /**
   * The section can no longer be stored here (the server closed it, or a fresh read no longer lists
   * it): the copy on this device is deleted and what was typed and never stored is shown once.
   */
  async discard(): Promise<void> {
    if (!this.persistence) return;
    const { userId, caseId, sectionId } = this.key;
    // Let go of the database first: it is deleted, and nothing may write it again.
    this.doc.off('update', this.onUpdate);
    const closing = this.persistence.destroy();
    this.persistence = null;
    await closing;
    await discardCopy(userId, caseId, sectionId, this.doc);
  }

  private readonly onOnline = () => {
    this.tracker.browserConnectivity(true);
    if (!this.view.closedMessage) this.provider.connect();
    this.refresh();
  };

  private readonly onOffline = () => {
    this.tracker.browserConnectivity(false);
    // The socket may look open for half a minute more; it is of no use now.
    this.provider.disconnect();
    this.refresh();
  };

  private readonly tick = () => {
    const action = this.tracker.tick(Date.now());
    if (action === 'probe') this.probeNow();
    else if (action === 'reconnect' && navigator.onLine && !this.view.closedMessage) {
      // The server did not answer in time: the page says the connection is gone, as it is.
      useConnection.getState().lost();
      this.provider.disconnect();
      this.provider.connect();
    }
    this.refresh();
  };

  private readonly probeNow = () => {
    this.probeTimer = null;
    const ws = this.provider.ws;
    if (!ws || !this.provider.wsconnected || ws.readyState !== WebSocket.OPEN || this.destroyed) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.confirms.push(ownClocks(this.doc, [...this.mine]));
    this.tracker.probeSent(Date.now());
  };

  private answered(): void {
    const confirmed = this.confirms.shift();
    if (this.tracker.answerReceived(Date.now()) && confirmed) this.stored = { ...this.stored, ...confirmed };
    if (this.tracker.wantsProbe()) this.probeTimer ??= setTimeout(this.probeNow, 0);
    this.saveEntry();
    this.refresh();
  }

  private saveEntry(): void {
    if (!this.persistence) return;
    const { userId, caseId, sectionId, title } = this.key;
    const pending = this.tracker.pending;
    updateEntry(userId, { caseId, sectionId, title }, (e) => ({
      ...e,
      title,
      usedAt: Date.now(),
      pending,
      synced: this.copySynced,
      mine: [...this.mine],
      stored: this.stored,
    }));
  }

  private refresh(change: Partial<SessionView> = {}): void {
    if (this.destroyed) return;
    const next = { ...this.view, ...change, save: this.tracker.state };
    if (JSON.stringify(next) === JSON.stringify(this.view)) return;
    this.view = next;
    for (const l of this.listeners) l();
  }
}
