import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { DOC_FIELD, messageSync, messageYjsUpdate } from '../../shared/protocol.ts';
import { monoNow } from './clock.ts';
import { stamp, stampsIn } from './stamps.ts';
import { openProvider, type SyncProvider } from './syncProvider.ts';
import type { ClientRole, ClientSpec } from './workerProtocol.ts';

/** Receives the stamps other clients typed (time of receipt, time written). */
export type StampSink = (writtenAt: number, receivedAt: number) => void;

export interface BenchClient {
  readonly role: ClientRole;
  readonly room: string;
  /** Resolves once the client can type (provider synced, or socket open). */
  readonly ready: Promise<void>;
  /** Types one stamp. */
  type(): void;
  /** False once the connection dropped (a dropped client would silently stop measuring). */
  isOpen(): boolean;
  destroy(): void;
}

export function createClient(role: ClientRole, spec: ClientSpec, sink: StampSink): BenchClient {
  if (role === 'writer' && spec.hocuspocus) throw new Error('bare-socket writers speak y-websocket only');
  return role === 'writer' ? new WriterClient(spec) : new ProviderClient(role, spec, sink);
}

/**
 * The stock client (y-websocket's provider, or Hocuspocus's): its own Y.Doc synced with the server.
 * A typist writes its stamps into a paragraph of its own, as someone typing in the editor would.
 */
class ProviderClient implements BenchClient {
  readonly ready: Promise<void>;
  private readonly doc = new Y.Doc();
  private readonly provider: SyncProvider;
  private text: Y.XmlText | null = null;

  readonly room: string;

  constructor(
    readonly role: ClientRole,
    spec: ClientSpec,
    sink: StampSink,
  ) {
    this.room = spec.room;
    this.provider = openProvider(spec, this.doc);
    const fragment = this.doc.getXmlFragment(DOC_FIELD);
    fragment.observeDeep((events, txn) => {
      if (txn.local) return;
      const receivedAt = monoNow();
      for (const e of events) {
        if (!(e instanceof Y.YTextEvent)) continue;
        for (const op of e.delta) if (typeof op.insert === 'string') for (const t of stampsIn(op.insert)) sink(t, receivedAt);
      }
    });
    this.ready = this.provider.synced.then(() => {
      if (role === 'typist') this.text = appendOwnParagraph(this.doc);
    });
  }

  type(): void {
    if (!this.text) return;
    this.text.insert(this.text.length, stamp());
  }

  isOpen(): boolean {
    return this.provider.isOpen();
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/**
 * A minimal sender over a bare socket: it keeps only its own paragraph in a local Y.Doc and never
 * applies what the server relays, so hundreds of writers cost the client processes almost nothing
 * and the server's work (check, store, relay to every peer) is what is measured.
 */
class WriterClient implements BenchClient {
  readonly role = 'writer' as const;
  readonly room: string;
  readonly ready: Promise<void>;
  private readonly doc = new Y.Doc();
  private readonly ws: WebSocket;
  private readonly text: Y.XmlText;
  private last: Uint8Array | null = null;

  constructor(spec: ClientSpec) {
    this.room = spec.room;
    this.ws = new WebSocket(`${spec.serverUrl}/${spec.room}`, spec.cookie ? { headers: { cookie: spec.cookie } } : {});
    this.doc.on('update', (u: Uint8Array) => {
      this.last = u;
    });
    this.text = appendOwnParagraph(this.doc);
    const created = this.last!;
    this.ready = new Promise<void>((resolve, reject) => {
      this.ws.once('open', () => {
        this.send(created);
        resolve();
      });
      this.ws.once('close', (code) => reject(new Error(`${spec.room}: socket closed (${code})`)));
      this.ws.on('error', (e) => reject(e));
    });
  }

  type(): void {
    this.text.insert(this.text.length, stamp());
    this.send(this.last!);
  }

  isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  private send(update: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, messageYjsUpdate);
    encoding.writeVarUint8Array(e, update);
    this.ws.send(encoding.toUint8Array(e));
  }

  destroy(): void {
    this.ws.removeAllListeners('close');
    this.ws.on('error', () => {});
    this.ws.close();
    this.doc.destroy();
  }
}

/** A new empty paragraph at the end of the section, the way pressing Enter in the editor adds one. */
function appendOwnParagraph(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [text]);
    const fragment = doc.getXmlFragment(DOC_FIELD);
    fragment.insert(fragment.length, [p]);
  });
  return text;
}
