import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteWriter } from './sqliteWriter.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-writer-'));
const file = path.join(dir, 'log.sqlite');
const row = (room: string, byte: number) => ({ room, userId: 'regisseur', at: 1_700_000_000_000, data: new Uint8Array([byte, 1, 2, 3]) });

describe('SqliteWriter', () => {
  const writer = new SqliteWriter(file);
  const db = new SQLite(file);
  afterAll(async () => {
    await writer.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a batch that cannot be committed is refused with the reason, and the writer carries on', async () => {
    // No table yet: the commit fails inside the writer thread.
    await expect(writer.append([row('demo/a', 1)])).rejects.toThrow(/doc_updates/);
    db.exec('create table doc_updates (id integer primary key autoincrement, room text not null, data blob not null, user_id text not null, created_at integer not null)');
    await writer.append([row('demo/a', 2), row('demo/b', 3)]);
    const rows = db.prepare('select room, data, user_id, created_at from doc_updates order by id').all() as { room: string; data: Buffer; user_id: string; created_at: number }[];
    expect(rows.map((r) => [r.room, [...r.data], r.user_id, r.created_at])).toEqual([
      ['demo/a', [2, 1, 2, 3], 'regisseur', 1_700_000_000_000],
      ['demo/b', [3, 1, 2, 3], 'regisseur', 1_700_000_000_000],
    ]);
  });

  it('batches sent one after another are committed in that order', async () => {
    await Promise.all([writer.append([row('demo/c', 10)]), writer.append([row('demo/c', 11)]), writer.append([row('demo/c', 12)])]);
    const bytes = (db.prepare("select data from doc_updates where room = 'demo/c' order by id").all() as { data: Buffer }[]).map((r) => r.data[0]);
    expect(bytes).toEqual([10, 11, 12]);
  });

  it('statements run in one transaction, in order with the log', async () => {
    db.exec('create table marks (room text primary key, n integer not null)');
    await Promise.all([
      writer.append([row('demo/e', 30)]),
      writer.run([
        { sql: 'insert into marks (room, n) values (?, ?)', parameters: ['demo/e', 1] },
        { sql: 'update marks set n = n + 1 where room = ?', parameters: ['demo/e'] },
      ]),
    ]);
    expect(db.prepare("select n from marks where room = 'demo/e'").get()).toEqual({ n: 2 });
    // Half a transaction is never kept: the second statement fails, so the first is undone.
    await expect(
      writer.run([
        { sql: 'update marks set n = 99 where room = ?', parameters: ['demo/e'] },
        { sql: 'insert into nowhere values (1)', parameters: [] },
      ]),
    ).rejects.toThrow(/nowhere/);
    expect(db.prepare("select n from marks where room = 'demo/e'").get()).toEqual({ n: 2 });
  });

  it('a failing statement fails only itself, not the log batches that share its commit', async () => {
    const jobs = Array.from({ length: 20 }, (_, i) =>
      i === 7 ? writer.run([{ sql: 'insert into nowhere values (1)', parameters: [] }]) : writer.append([row('demo/f', 40 + i)]),
    );
    const outcomes = await Promise.allSettled(jobs);
    expect(outcomes.map((o) => o.status)).toEqual(jobs.map((_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
    const bytes = (db.prepare("select data from doc_updates where room = 'demo/f' order by id").all() as { data: Buffer }[]).map((r) => r.data[0]);
    expect(bytes).toEqual(jobs.flatMap((_, i) => (i === 7 ? [] : [40 + i])));
  });

  it('checkpoints what another connection wrote, so the log does not grow while nobody types', async () => {
    const otherFile = path.join(dir, 'checkpoint.sqlite');
    const main = new SQLite(otherFile);
    main.pragma('journal_mode = WAL');
    main.pragma('wal_autocheckpoint = 0');
    main.exec('create table notes (body text not null)');
    const checkpointer = new SqliteWriter(otherFile, 50);
    await checkpointer.start();
    try {
      const before = fs.statSync(otherFile).size;
      const insert = main.prepare('insert into notes (body) values (?)');
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(500));
      // Without a checkpoint every page stays in the -wal file and the database file keeps its size.
      expect(fs.statSync(otherFile).size).toBe(before);
      // The writer checkpoints every 50 ms; a loaded machine may take a few turns to get there.
      await expect.poll(() => fs.statSync(otherFile).size, { timeout: 5_000, interval: 50 }).toBeGreaterThan(before + 50_000);
    } finally {
      await checkpointer.close();
      main.close();
    }
  });

  it('closing lets a batch already in the writer finish; one that arrives after is refused', async () => {
    const sent = await writer.append([row('demo/d', 19)]).then(() => writer.append([row('demo/d', 20)]));
    expect(sent).toBeUndefined();
    const inFlight = writer.append([row('demo/d', 21)]);
    // Give the batch time to reach the thread before closing.
    await new Promise((r) => setTimeout(r, 20));
    const closing = writer.close();
    const late = writer.append([row('demo/d', 22)]).then(
      () => 'stored',
      (e: Error) => e.message,
    );
    await closing;
    await inFlight;
    expect(await late).toBe('SQLite writer closed');
    const bytes = (db.prepare("select data from doc_updates where room = 'demo/d' order by id").all() as { data: Buffer }[]).map((r) => r.data[0]);
    expect(bytes).toEqual([19, 20, 21]);
  });
});
