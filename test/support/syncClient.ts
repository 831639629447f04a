import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/protocol.ts';

export interface SectionClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves at the first sync with the server. */
  synced: Promise<void>;
  /** Resolves with the close code when the server closes the socket for good. */
  closed: Promise<number>;
  text(): string;
  destroy(): void;
}

/** A `ws` WebSocket that sends the session cookie, as a browser would. */
export function cookieSocket(cookie: string) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  };
}

/** The stock y-websocket provider on one section, authenticated with a cookie. */
export function connectSection(ws: string, caseId: string, sectionId: string, cookie: string, doc = new Y.Doc()): SectionClient {
  const provider = new WebsocketProvider(`${ws}/sync/${caseId}`, sectionId, doc, {
    WebSocketPolyfill: cookieSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', () => resolve());
  });
  const closed = new Promise<number>((resolve) => provider.on('closed', (e: { code: number }) => resolve(e.code)));
  return {
    doc,
    provider,
    synced,
    closed,
    text: () => fragmentText(doc),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A block element as the editor makes it: a node named by its type, with its fields as `data`. */
export function blockElement(type: string, data: object): Y.XmlElement {
  const block = new Y.XmlElement(type);
  // Tiptap stores the block's object as the attribute value; Yjs types it as a string.
  block.setAttribute('data', data as unknown as string);
  return block;
}

/** Inserts a block at the end of the client's section, in one transaction, as the editor does. */
export function insertBlock(client: SectionClient, type: string, data: object): void {
  client.doc.transact(() => {
    const fragment = client.doc.getXmlFragment(DOC_FIELD);
    fragment.insert(fragment.length, [blockElement(type, data)]);
  });
}

/** Plain text of a section document, paragraphs joined by newlines. */
export function fragmentText(doc: Y.Doc): string {
  const out: string[] = [];
  for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText) out.push(node.toString().replace(/<[^>]+>/g, ''));
  }
  return out.join('\n');
}

/** Appends a paragraph of text the way the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(DOC_FIELD);
    fragment.insert(fragment.length, [p]);
  });
}

/** Polls until the predicate holds or the time is up. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The promise's value, or an error naming what did not happen in time. */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
