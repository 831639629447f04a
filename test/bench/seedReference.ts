import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { sleep } from './clock.ts';
import { demoUpdate } from './demoUpdates.ts';
import { type BenchServer, clientSpec } from './servers.ts';

/**
 * Gives the reference server's rooms the same demo content Tafel's sections start with, so both
 * servers sync documents of the same size.
 */
export async function seedReference(server: BenchServer, rooms: readonly string[]): Promise<void> {
  await Promise.all(
    rooms.map(async (room) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, demoUpdate(room));
      const expected = doc.getXmlFragment(DOC_FIELD).length;
      const spec = clientSpec(server, room);
      const provider = new WebsocketProvider(spec.serverUrl, room, doc, { disableBc: true, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
      await new Promise<void>((resolve) => provider.on('sync', (s) => s && resolve()));
      await sleep(100);
      provider.destroy();
      doc.destroy();
      // Check with a fresh client that the server kept the content (a few tries: a loaded machine may be slow).
      for (let attempt = 1; ; attempt++) {
        const got = await blocksOnServer(server, room);
        if (got >= expected) break;
        if (attempt === 10) throw new Error(`reference room ${room} has ${got} of ${expected} blocks after seeding`);
        await sleep(200);
      }
    }),
  );
}

/** How many top-level blocks a fresh client sees in a room. */
async function blocksOnServer(server: BenchServer, room: string): Promise<number> {
  const spec = clientSpec(server, room);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(spec.serverUrl, room, doc, { disableBc: true, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
  await new Promise<void>((resolve) => provider.on('sync', (s) => s && resolve()));
  const blocks = doc.getXmlFragment(DOC_FIELD).length;
  provider.destroy();
  doc.destroy();
  return blocks;
}
