/**
 * Scenario 4, in its own process: a section whose log holds N small updates, loaded the way the
 * server loads it (Room.load: read log, merge, apply) before and after compaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { LocalFanout } from '../../../server/fanout/fanout.ts';
import { openSqlStore } from '../../../server/store/db.ts';
import type { UpdateLog, UpdateRow } from '../../../server/documents/updateLog.ts';
import { updateLogOf } from '../../../server/documents/updateLogOf.ts';
import { PersistQueue } from '../../../server/documents/persistQueue.ts';
import { Room } from '../../../server/documents/room.ts';
import { DOC_FIELD } from '../../../shared/protocol.ts';
import { monoNow } from '../clock.ts';
import { probeInput } from './runProbe.ts';

export interface ColdLoadInput {
  updates: number;
  repeats: number;
  store: { kind: 'sqlite' } | { kind: 'postgres'; url: string; schema: string };
}

export interface ColdLoadOutput {
  updates: number;
  logBytes: number;
  beforeMs: number[];
  afterMs: number[];
  compactMs: number;
  folded: number;
  textLength: number;
}

const ROOM = 'demo/bench-cold-load';

/** N updates as someone typing produces them: a paragraph, then one character per update. */
function typingUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = new Y.XmlText();
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [text]);
    doc.getXmlFragment(DOC_FIELD).insert(0, [p]);
  });
  const words = 'de veiligheid van de kinderen staat voorop ';
  for (let i = 1; i < n; i++) text.insert(text.length, words[i % words.length]!);
  doc.destroy();
  return updates;
}

async function timeLoad(documents: UpdateLog): Promise<{ ms: number; textLength: number }> {
  const doc = new Room(ROOM, new PersistQueue(documents), new LocalFanout(), { stored() {}, storageFailed() {} });
  const started = monoNow();
  await doc.load(documents);
  const ms = monoNow() - started;
  const textLength = doc.doc.getXmlFragment(DOC_FIELD).toString().length;
  doc.destroy();
  return { ms, textLength };
}

async function main(): Promise<void> {
  const input = probeInput<ColdLoadInput>();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-cold-'));
  const sql = await openSqlStore(input.store.kind === 'sqlite' ? { kind: 'sqlite', dataDir } : { kind: 'postgres', url: input.store.url, schema: input.store.schema });
  // Settle margin 0: the bench compacts right after writing (on SQLite the margin is 0 anyway).
  const documents = updateLogOf(sql, 0);
  try {
    const updates = typingUpdates(input.updates);
    const rows: UpdateRow[] = updates.map((data) => ({ room: ROOM, data, userId: 'regisseur' }));
    // Written in batches of the size the persist queue would produce under steady typing.
    for (let i = 0; i < rows.length; i += 100) await documents.append(rows.slice(i, i + 100));
    const beforeMs: number[] = [];
    let textLength = 0;
    for (let i = 0; i < input.repeats; i++) {
      const r = await timeLoad(documents);
      beforeMs.push(r.ms);
      textLength = r.textLength;
    }
    const t0 = monoNow();
    const folded = await documents.compact(ROOM);
    const compactMs = monoNow() - t0;
    const afterMs: number[] = [];
    for (let i = 0; i < input.repeats; i++) {
      const r = await timeLoad(documents);
      afterMs.push(r.ms);
      if (r.textLength !== textLength) throw new Error(`compaction changed the text: ${textLength} → ${r.textLength}`);
    }
    const out: ColdLoadOutput = { updates: updates.length, logBytes: updates.reduce((a, u) => a + u.length, 0), beforeMs, afterMs, compactMs, folded, textLength };
    console.log(JSON.stringify(out));
  } finally {
    await sql.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
