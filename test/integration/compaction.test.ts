import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalFanout } from '../../server/fanout/fanout.ts';
import { openSqlStore, type SqlStore } from '../../server/store/db.ts';
import type { UpdateLog } from '../../server/documents/updateLog.ts';
import { updateLogOf } from '../../server/documents/updateLogOf.ts';
import { AfterStore } from '../../server/documents/afterStore.ts';
import { SectionDocuments } from '../../server/documents/sectionDocuments.ts';
import { appendParagraph, fragmentText } from '../support/syncClient.ts';

const ROOMS = Array.from({ length: 12 }, (_, i) => `demo/vergadering-${i}`);
const UPDATES_PER_ROOM = 1500;

describe('sections that close together (end of a meeting)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-compaction-'));
  let sql: SqlStore;
  let documents: UpdateLog;
  let registry: SectionDocuments;
  const expected = new Map<string, string>();

  beforeAll(async () => {
    sql = await openSqlStore({ kind: 'sqlite', dataDir: dir });
    documents = updateLogOf(sql, 0);
    registry = new SectionDocuments(documents, new LocalFanout(), new AfterStore([], () => {}), () => {});
    for (const room of ROOMS) {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < UPDATES_PER_ROOM; i++) appendParagraph(doc, `${room} alinea ${i}`);
      await documents.append(updates.map((data) => ({ room, data, userId: 'regisseur' })));
      expected.set(room, fragmentText(doc));
    }
  });
  afterAll(async () => {
    await sql.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are compacted one after another, so the server keeps answering in between, and lose nothing', async () => {
    for (const room of ROOMS) await registry.open(room);
    // How long the event loop went without a turn while the compactions ran.
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    for (const room of ROOMS) registry.release(room);
    while ((await Promise.all(ROOMS.map((r) => documents.tailLength(r)))).some((n) => n > 0)) await new Promise((r) => setTimeout(r, 5));
    const took = performance.now() - started;
    clearInterval(ticker);

    // All at once, the loop would stand still for (nearly) the whole time; one at a time, for
    // about one room's share of it.
    expect(longestGap).toBeLessThan(took / 2);
    for (const room of ROOMS) {
      const stored = await documents.load(room);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toHaveLength(0);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored.snapshot!);
      expect(fragmentText(doc)).toBe(expected.get(room));
    }
  });
});
