import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { sleep } from './clock.ts';
import { demoUpdate } from './demoUpdates.ts';
import { type BenchServer, clientSpec } from './servers.ts';
import { openProvider } from './syncProvider.ts';

/**
 * Gives a server without Tafel's demo case (the reference, Hocuspocus) the same demo content
 * Tafel's sections start with, so every server syncs documents of the same size.
 */
export async function seedReference(server: BenchServer, rooms: readonly string[]): Promise<void> {
  await Promise.all(
    rooms.map(async (room) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, demoUpdate(room));
      const expected = doc.getXmlFragment(DOC_FIELD).length;
      const provider = openProvider(clientSpec(server, room), doc);
      await provider.synced;
      await sleep(100);
      provider.destroy();
      doc.destroy();
      // Check with a fresh client that the server kept the content (a few tries: a loaded machine may be slow).
      for (let attempt = 1; ; attempt++) {
        const got = await blocksOnServer(server, room);
        if (got >= expected) break;
        if (attempt === 10) throw new Error(`${server.label} room ${room} has ${got} of ${expected} blocks after seeding`);
        await sleep(200);
      }
    }),
  );
}

/** How many top-level blocks a fresh client sees in a room. */
async function blocksOnServer(server: BenchServer, room: string): Promise<number> {
  const doc = new Y.Doc();
  const provider = openProvider(clientSpec(server, room), doc);
  await provider.synced;
  const blocks = doc.getXmlFragment(DOC_FIELD).length;
  provider.destroy();
  doc.destroy();
  return blocks;
}
