import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql as rawSql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqlStore, type SqlStore, type StoreLocation } from '../../server/store/db.ts';
import { CaseStore } from '../../server/store/caseStore.ts';
import { MemoryUpdateLog } from '../../server/documents/memoryUpdateLog.ts';
import type { StoredRoom, UpdateLog } from '../../server/documents/updateLog.ts';
import { updateLogOf } from '../../server/documents/updateLogOf.ts';
import { seedDemo } from '../../server/seed/demoCase.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { writeInChildProcess, writeParagraphs } from '../support/storeWriter.ts';
import { appendParagraph, fragmentText } from '../support/syncClient.ts';
import { freshSchema } from '../support/tafelServer.ts';

const PG_URL = process.env.TEST_DATABASE_URL;

interface Variant {
  name: 'memory' | 'sqlite' | 'postgres';
  skipReason: string | null;
}

/** Every implementation of the update log runs this one suite; the SQL ones add what only they have. */
const VARIANTS: Variant[] = [
  { name: 'memory', skipReason: null },
  { name: 'sqlite', skipReason: null },
  { name: 'postgres', skipReason: PG_URL ? null : 'TEST_DATABASE_URL is not set' },
];

/** Fresh, empty store locations of one dialect, removed again in afterAll. */
class Locations {
  private readonly dirs: string[] = [];
  private readonly schemas: string[] = [];
  constructor(private readonly dialect: 'sqlite' | 'postgres') {}

  fresh(): StoreLocation {
    if (this.dialect === 'sqlite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-storage-'));
      this.dirs.push(dataDir);
      return { kind: 'sqlite', dataDir };
    }
    const schema = freshSchema();
    this.schemas.push(schema);
    return { kind: 'postgres', url: PG_URL!, schema };
  }

  async removeAll(): Promise<void> {
    for (const dir of this.dirs) fs.rmSync(dir, { recursive: true, force: true });
    if (this.schemas.length === 0) return;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      for (const schema of this.schemas) await client.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await client.end();
    }
  }
}

/** A client-side doc whose every change is captured as the update the server would store. */
class Author {
  readonly doc = new Y.Doc();
  readonly updates: Uint8Array[] = [];
  constructor() {
    this.doc.on('update', (u: Uint8Array) => this.updates.push(u));
  }
  write(text: string): Uint8Array {
    appendParagraph(this.doc, text);
    return this.updates.at(-1)!;
  }
  /** Deletes the first paragraph (history must still show it was there). */
  deleteFirst(): Uint8Array {
    this.doc.getXmlFragment(DOC_FIELD).delete(0, 1);
    return this.updates.at(-1)!;
  }
}

function docFrom(stored: StoredRoom): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

function expectSameDoc(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getXmlFragment(DOC_FIELD).toString()).toBe(expected.getXmlFragment(DOC_FIELD).toString());
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
}

/** Migrations recorded in the store's own schema. */
async function migrationNames(store: SqlStore): Promise<string[]> {
  const { rows } = await rawSql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
  return rows.map((r) => r.name);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let roomCounter = 0;
const newRoom = () => `demo/storage-${++roomCounter}`;

for (const v of VARIANTS) if (v.skipReason) console.warn(`storage suite on ${v.name} skipped: ${v.skipReason}`);

describe.each(VARIANTS)('UpdateLog on $name', ({ name, skipReason }) => {
  const test = skipReason ? it.skip : it;
  /** What only PostgreSQL has: several writers, so locks that must hold. SQLite has one writer, so there they do not exist. */
  const pgTest: (title: string, fn: () => Promise<void>) => void = name === 'postgres' ? test : () => {};
  /** What only a store on disk has: rows written by hand, other processes, migrations. */
  const sqlTest: (title: string, fn: () => Promise<void>, timeout?: number) => void = name === 'memory' ? () => {} : test;
  const locations = new Locations(name === 'postgres' ? 'postgres' : 'sqlite');
  let location: StoreLocation;
  let sql: SqlStore;
  /** No settle margin, so compaction folds what was just written. */
  let store: UpdateLog;
  /** The log as the server opens it, with its dialect's own settle margin. */
  let asServed: UpdateLog;
  const extraStores: SqlStore[] = [];

  beforeAll(async () => {
    if (skipReason) return;
    if (name === 'memory') {
      // Nothing to settle in one process's memory: its own margin is none.
      store = new MemoryUpdateLog();
      asServed = store;
      return;
    }
    location = locations.fresh();
    sql = await openSqlStore(location);
    store = updateLogOf(sql, 0);
    asServed = updateLogOf(sql);
  });
  afterAll(async () => {
    for (const s of extraStores) await s.close();
    await sql?.close();
    await locations.removeAll();
  });

  test('append then load gives the same document', async () => {
    const room = newRoom();
    const a = new Author();
    const first = ['Eerste alinea', 'Tweede alinea', 'Derde alinea'].map((t) => a.write(t));
    // One batch, as the persist queue writes it, then single updates including a deletion.
    await store.append(first.map((data) => ({ room, data, userId: 'regisseur' })));
    await store.append([{ room, data: a.write('Vierde alinea'), userId: 'gi' }]);
    await store.append([{ room, data: a.deleteFirst(), userId: 'gi' }]);

    const stored = await store.load(room);
    expect(stored.snapshot).toBeNull();
    expect(stored.updates).toHaveLength(5);
    expectSameDoc(docFrom(stored), a.doc);
    expect(fragmentText(docFrom(stored))).toBe('Tweede alinea\nDerde alinea\nVierde alinea');
    expect((await store.load('demo/leeg')).updates).toEqual([]);
  });

  test('compaction writes a snapshot; a load then replays only the tail and equals the document', async () => {
    const room = newRoom();
    const a = new Author();
    for (let i = 0; i < 50; i++) await store.append([{ room, data: a.write(`regel ${i}`), userId: 'regisseur' }]);
    const beforeCompaction = Y.encodeStateAsUpdate(a.doc);

    expect(await store.compact(room)).toBe(50);
    expect(await store.tailLength(room)).toBe(0);
    const compacted = await store.load(room);
    expect(compacted.snapshot).not.toBeNull();
    expect(compacted.updates).toHaveLength(0);
    const reference = new Y.Doc();
    Y.applyUpdate(reference, beforeCompaction);
    expectSameDoc(docFrom(compacted), reference);

    for (let i = 50; i < 57; i++) await store.append([{ room, data: a.write(`regel ${i}`), userId: 'gi' }]);
    expect(await store.tailLength(room)).toBe(7);
    const withTail = await store.load(room);
    expect(withTail.updates).toHaveLength(7);
    expectSameDoc(docFrom(withTail), a.doc);

    // A second compaction builds on the first snapshot.
    expect(await store.compact(room)).toBe(7);
    expect(await store.compact(room)).toBe(0);
    const again = await store.load(room);
    expect(again.updates).toHaveLength(0);
    expectSameDoc(docFrom(again), a.doc);
    expect((await store.everything(room)).snapshots).toHaveLength(2);
  });

  test('the log survives compaction: who wrote what, as of when', async () => {
    const room = newRoom();
    const a = new Author();
    await store.append([{ room, data: a.write('Eva: eerste versie'), userId: 'regisseur' }]);
    await sleep(5);
    const b = new Author();
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    await store.append([{ room, data: b.write('Tom: aanvulling'), userId: 'gi' }]);
    await sleep(5);
    await store.append([{ room, data: b.deleteFirst(), userId: 'gi' }]);
    expect(await store.compact(room)).toBe(3);

    const log = await store.updatesAfter(room, 0);
    expect(log.map((r) => r.userId)).toEqual(['regisseur', 'gi', 'gi']);
    expect(log[0]!.at).toBeLessThan(log[1]!.at);
    expect(log[1]!.at).toBeLessThan(log[2]!.at);
    const asOf = (t: number) => {
      const doc = new Y.Doc();
      for (const r of log) if (r.at <= t) Y.applyUpdate(doc, r.data);
      return fragmentText(doc);
    };
    expect(asOf(log[0]!.at)).toBe('Eva: eerste versie');
    expect(asOf(log[1]!.at)).toBe('Eva: eerste versie\nTom: aanvulling');
    expect(asOf(log[2]!.at)).toBe('Tom: aanvulling');
  });

  sqlTest('a snapshot never skips a young update that has a lower id than a settled one', async () => {
    // On PostgreSQL ids are handed out before commit, so id order and time order can differ.
    const room = newRoom();
    const a = new Author();
    const young = a.write('jong');
    const old = a.write('oud');
    await sql.db.insertInto('doc_updates').values({ room, data: young, user_id: 'gi', created_at: Date.now() }).execute();
    await sql.db.insertInto('doc_updates').values({ room, data: old, user_id: 'gi', created_at: Date.now() - 60_000 }).execute();
    const settling = updateLogOf(sql, 30_000);
    expect(await settling.compact(room)).toBe(0);
    expectSameDoc(docFrom(await store.load(room)), a.doc);
  });

  test('the default settle margin keeps fresh updates out of a snapshot on PostgreSQL only', async () => {
    const room = newRoom();
    const a = new Author();
    await store.append([{ room, data: a.write('net getypt'), userId: 'gi' }]);
    expect(await asServed.compact(room)).toBe(name === 'postgres' ? 0 : 1);
    expectSameDoc(docFrom(await store.load(room)), a.doc);
  });

  sqlTest('appends from two store instances at the same time all persist', async () => {
    const room = newRoom();
    const count = 40;
    const other = writeInChildProcess({ location, room, userId: 'gi', label: 'ander proces', count });
    try {
      await Promise.all([writeParagraphs(store, { room, userId: 'regisseur', label: 'dit proces', count }), other.done]);
    } finally {
      other.process.kill('SIGKILL');
    }
    const log = await store.updatesAfter(room, 0);
    expect(log).toHaveLength(2 * count);
    expect(new Set(log.map((r) => r.userId))).toEqual(new Set(['regisseur', 'gi']));
    const lines = new Set(fragmentText(docFrom(await store.load(room))).split('\n'));
    for (let i = 0; i < count; i++) {
      expect(lines).toContain(`dit proces ${i}`);
      expect(lines).toContain(`ander proces ${i}`);
    }
  }, 30_000);

  pgTest('two instances compacting one room at once fold each update into one snapshot', async () => {
    const room = newRoom();
    const a = new Author();
    for (let i = 0; i < 30; i++) await store.append([{ room, data: a.write(`regel ${i}`), userId: 'regisseur' }]);
    const second = await openSqlStore(location);
    extraStores.push(second);
    const folded = await Promise.all([store.compact(room), updateLogOf(second, 0).compact(room)]);
    expect(folded[0] + folded[1]).toBe(30);
    expect((await store.everything(room)).snapshots).toHaveLength(1);
    expectSameDoc(docFrom(await store.load(room)), a.doc);
  });

  sqlTest('migrations are idempotent: opening the store again keeps the data', async () => {
    const room = newRoom();
    const a = new Author();
    await store.append([{ room, data: a.write('blijft staan'), userId: 'regisseur' }]);
    for (let i = 0; i < 2; i++) {
      const reopened = await openSqlStore(location);
      extraStores.push(reopened);
      expectSameDoc(docFrom(await updateLogOf(reopened, 0).load(room)), a.doc);
    }
    expect(await migrationNames(sql)).toEqual(['0001_foundation', '0002_confirmations', '0003_comments_review', '0004_correction_requests', '0005_emergency_access', '0006_person_birth_date', '0007_directory_and_authorship', '0008_sign_in', '0009_case_persons', '0010_notices', '0011_meetings', '0012_keepers_invitations_closing', '0013_contact_details', '0014_own_voice', '0015_own_voice_children', '0016_retention', '0017_organisation_titles', '0018_mail_message_ids']);
  });

  pgTest('two processes migrating one empty schema at the same time both succeed', async () => {
    const empty = locations.fresh();
    const both = await Promise.allSettled([openSqlStore(empty), openSqlStore(empty)]);
    const opened = both.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    extraStores.push(...opened);
    expect(both.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    expect(await migrationNames(opened[0]!)).toEqual(['0001_foundation', '0002_confirmations', '0003_comments_review', '0004_correction_requests', '0005_emergency_access', '0006_person_birth_date', '0007_directory_and_authorship', '0008_sign_in', '0009_case_persons', '0010_notices', '0011_meetings', '0012_keepers_invitations_closing', '0013_contact_details', '0014_own_voice', '0015_own_voice_children', '0016_retention', '0017_organisation_titles', '0018_mail_message_ids']);
  });

  pgTest('two processes recording section changes in opposite orders never deadlock', async () => {
    await seedDemo(sql);
    const other = await openSqlStore(location);
    extraStores.push(other);
    const [a, b] = [new CaseStore(sql), new CaseStore(other)];
    const sections = await a.sections('demo');
    const changes = sections.map((sec, i) => ({ caseId: 'demo', sectionId: sec.id, userId: 'regisseur', at: new Date(Date.UTC(2026, 10, 24, 12, 0, i)).toISOString() }));
    // Each process flushes the sections its own clients typed in, in the order they typed.
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled([a.markSectionsChanged(changes), b.markSectionsChanged([...changes].reverse())]);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    }
    expect((await a.sections('demo')).length).toBe(sections.length);
  });
});
