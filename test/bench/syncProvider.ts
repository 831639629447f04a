import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { cookieSocket } from '../support/syncClient.ts';
import type { ClientSpec } from './workerProtocol.ts';

/** A stock sync client for one room: y-websocket's provider, or Hocuspocus's for a Hocuspocus server. */
export interface SyncProvider {
  /** Resolves on the first full sync; rejects when the server closes the room for good. */
  readonly synced: Promise<void>;
  isOpen(): boolean;
  destroy(): void;
}

export function openProvider(spec: ClientSpec, doc: Y.Doc): SyncProvider {
  return spec.hocuspocus ? hocuspocusProvider(spec, doc) : yWebsocketProvider(spec, doc);
}

/**
 * The `ws` class with a listener for 'error' from the start. Closing a socket that is still
 * connecting (a provider destroyed while it reconnects to a server that was just killed) emits
 * 'error', and a provider that has let go of the socket by then no longer listens: without this
 * the client process would die. What went wrong still reaches the provider as a close.
 */
// biome-ignore lint/suspicious/noExplicitAny: a socket class takes its constructor's arguments as they are.
type SocketClass = new (...args: any[]) => WebSocket;
function listened(Base: SocketClass): typeof WebSocket {
  const Listened = class extends Base {
    // biome-ignore lint/suspicious/noExplicitAny: passes the constructor's arguments on as they are.
    constructor(...args: any[]) {
      super(...args);
      this.on('error', () => {});
    }
  };
  return Listened as unknown as typeof WebSocket;
}

function yWebsocketProvider(spec: ClientSpec, doc: Y.Doc): SyncProvider {
  const provider = new WebsocketProvider(spec.serverUrl, spec.room, doc, {
    disableBc: true,
    maxBackoffTime: 500,
    WebSocketPolyfill: listened(spec.cookie ? cookieSocket(spec.cookie) : WebSocket) as unknown as typeof globalThis.WebSocket,
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('closed', (e) => reject(new Error(`${spec.room}: closed by server (${e.code} ${e.reason})`)));
    const onSync = (state: boolean) => {
      if (!state) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return { synced, isOpen: () => provider.wsconnected, destroy: () => provider.destroy() };
}

/**
 * `@hocuspocus/provider` with the `ws` package as its WebSocket: it defaults to the global
 * WebSocket, which Node 20 does not have (one reason Hocuspocus 4 asks for Node 22).
 */
function hocuspocusProvider(spec: ClientSpec, doc: Y.Doc): SyncProvider {
  let open = false;
  let onSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => {
    onSynced = resolve;
  });
  // Reconnect as quickly as the y-websocket clients do (maxBackoffTime 500 above).
  const socket = new HocuspocusProviderWebsocket({ url: spec.serverUrl, WebSocketPolyfill: listened(WebSocket), minDelay: 100, maxDelay: 500 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: spec.room,
    document: doc,
    onStatus: ({ status }) => {
      open = status === 'connected';
    },
    onSynced: ({ state }) => {
      if (state) onSynced();
    },
  });
  provider.attach();
  return {
    synced,
    isOpen: () => open,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
