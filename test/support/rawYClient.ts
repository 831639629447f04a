import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { DOC_FIELD, messageSync, messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from '../../shared/protocol.ts';
import { rawSocket, type RawSocket } from './rawSocket.ts';
import { appendParagraph, fragmentText } from './syncClient.ts';

/**
 * A minimal y-websocket peer over a bare socket, for tests that must see every byte: it applies
 * sync step 2 and updates to its own doc and counts the document bytes it received.
 */
export class RawYClient {
  readonly doc = new Y.Doc();
  readonly socket: RawSocket;
  documentBytes = 0;
  updatesReceived = 0;

  constructor(url: string, cookie: string) {
    this.socket = rawSocket(url, { cookie });
    this.socket.ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
  }

  private receive(message: Uint8Array): void {
    const d = decoding.createDecoder(message);
    if (decoding.readVarUint(d) !== messageSync) return;
    const step = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (step === messageYjsSyncStep2 || step === messageYjsUpdate) {
      if (!(payload.length === 2 && payload[0] === 0 && payload[1] === 0)) this.documentBytes += payload.length;
      if (step === messageYjsUpdate) this.updatesReceived++;
      Y.applyUpdate(this.doc, payload, 'server');
    }
  }

  /** Asks for the server's state (sync step 1 with our state vector). */
  requestState(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
    this.socket.ws.send(encoding.toUint8Array(e));
  }

  /** Writes a paragraph locally and sends it as an update; returns the update. */
  write(text: string): Uint8Array {
    return this.change(() => appendParagraph(this.doc, text));
  }

  /** Makes a change in the local copy and sends it as one update, as an editor would; returns the update. */
  change(edit: (fragment: Y.XmlFragment) => void): Uint8Array {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') update = u;
    };
    this.doc.on('update', capture);
    edit(this.doc.getXmlFragment(DOC_FIELD));
    this.doc.off('update', capture);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, messageYjsUpdate);
    encoding.writeVarUint8Array(e, update!);
    this.socket.ws.send(encoding.toUint8Array(e));
    return update!;
  }

  text(): string {
    return fragmentText(this.doc);
  }

  close(): void {
    this.socket.ws.close();
  }
}
