import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { appendParagraph, connectSection, type SectionClient, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, freshSchema, type RunningTafel, requestAs, signIn, startTafel, type StartOptions } from '../support/tafelServer.ts';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-backup-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** `npm run backup -- …` as the operator runs it, with these settings instead of the test's own. */
async function backupCommand(settings: Record<string, string>, ...args: string[]): Promise<string> {
  const { DATABASE_URL: _url, DATABASE_SCHEMA: _schema, TAFEL_DATA_DIR: _dir, ...env } = process.env;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/admin/backup.ts', ...args], { env: { ...env, ...settings } });
  return stdout;
}

/** One store to back up and restore: where the server runs, and how the operator empties it. */
interface Variant {
  store: string;
  skip?: string;
  server(): StartOptions;
  settings(): Record<string, string>;
  /** After the backup, with the server stopped: the store as after a lost disk. */
  lose(): Promise<void>;
  cleanUp(): Promise<void>;
}

const pgUrl = process.env.TEST_DATABASE_URL;
const hasPgDump = (() => {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
const schema = freshSchema();
const sqliteDir = path.join(work, 'data');
const psql = async (statement: string) => {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
};

const variants: Variant[] = [
  {
    store: 'SQLite',
    server: () => ({ dataDir: sqliteDir }),
    settings: () => ({ TAFEL_DATA_DIR: sqliteDir }),
    // The database, its WAL and shared memory gone: only the backup is left.
    lose: async () => fs.rmSync(sqliteDir, { recursive: true, force: true }),
    cleanUp: async () => fs.rmSync(sqliteDir, { recursive: true, force: true }),
  },
  {
    store: 'PostgreSQL',
    skip: !pgUrl ? 'TEST_DATABASE_URL is not set' : !hasPgDump ? 'pg_dump is not installed' : undefined,
    server: () => ({ databaseUrl: pgUrl, schema }),
    settings: () => ({ DATABASE_URL: pgUrl!, DATABASE_SCHEMA: schema }),
    // As docs/operations.md says before a restore: the schema dropped.
    lose: () => psql(`drop schema if exists ${schema} cascade`),
    cleanUp: () => psql(`drop schema if exists ${schema} cascade`),
  },
];
for (const v of variants) if (v.skip) console.warn(`backup and restore on ${v.store} skipped: ${v.skip}`);

describe.each(variants.filter((v) => !v.skip))('npm run backup on $store: a copy made while Tafel runs restores the case', (v) => {
  const servers: RunningTafel[] = [];
  const clients: SectionClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(servers.map((s) => s.close()));
    await v.cleanUp();
  });

  it('the edits, the comment and the case are there after a restore into an empty store', async () => {
    const file = path.join(work, `tafel-${v.store}.backup`);
    const before = await startTafel(v.server());
    servers.push(before);
    const regisseur = await signIn(before.http, demoEmail('regisseur'));
    const writer = connectSection(before.ws, 'demo', 'veiligheidsplan', regisseur);
    const reader = connectSection(before.ws, 'demo', 'veiligheidsplan', await signIn(before.http, demoEmail('gi')));
    clients.push(writer, reader);
    await within(Promise.all([writer.synced, reader.synced]), 10_000, 'sync');
    const lines = ['Oma haalt Daan op dinsdag op van school.', 'Moeder belt het wijkteam als het thuis te druk wordt.'];
    for (const line of lines) appendParagraph(writer.doc, line);
    // The server relays only what it stored: once the other client has it, it is in the store.
    await waitFor(() => lines.every((l) => reader.text().includes(l)), 10_000, 'the edits to reach the other client');
    const thread = await requestAs(before.http, regisseur, 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', {
      anchor: { kind: 'block', blockId: 'afspraak-weggaan-bij-ruzie', quote: 'weggaan bij ruzie' },
      visibility: 'iedereen',
      body: 'Wie belt er als oma niet kan?',
    });
    expect(thread.status).toBe(200);

    // While the server runs and someone keeps typing.
    const typing = setInterval(() => appendParagraph(writer.doc, 'Nog een zin tijdens de back-up.'), 5);
    try {
      expect(await backupCommand(v.settings(), file)).toContain(file);
    } finally {
      clearInterval(typing);
    }
    writer.destroy();
    reader.destroy();
    await before.close();
    servers.splice(servers.indexOf(before), 1);

    await v.lose();
    expect(await backupCommand(v.settings(), 'terugzetten', file)).toContain('staat terug');
    // Not over a store that is there: that takes emptying it first, with Tafel stopped.
    await expect(backupCommand(v.settings(), 'terugzetten', file)).rejects.toMatchObject({ stderr: expect.stringMatching(/al een database|niet leeg/) });

    const after = await startTafel(v.server());
    servers.push(after);
    const gi = await signIn(after.http, demoEmail('gi'));
    const theCase = await requestAs(after.http, gi, 'GET', '/api/cases/demo');
    expect(theCase.status).toBe(200);
    const { sections } = (await theCase.json()) as { sections: { id: string }[] };
    expect(sections.map((s) => s.id)).toContain('veiligheidsplan');
    const threads = (await (await requestAs(after.http, gi, 'GET', '/api/cases/demo/sections/veiligheidsplan/threads')).json()) as unknown[];
    expect(JSON.stringify(threads)).toContain('Wie belt er als oma niet kan?');
    const restored = connectSection(after.ws, 'demo', 'veiligheidsplan', gi);
    clients.push(restored);
    await within(restored.synced, 10_000, 'sync after the restore');
    for (const line of lines) expect(restored.text()).toContain(line);
  }, 180_000); // three runs of the command, each starting Node and tsx, and two servers
});
