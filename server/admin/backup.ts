/**
 * `npm run backup -- <command>`: a consistent copy of the store, for the operator. Uses the same
 * settings as `npm start` (TAFEL_DATA_DIR, or DATABASE_URL with DATABASE_SCHEMA).
 *
 *   <bestand>               copies the store into a new file while Tafel runs: SQLite's online
 *                           backup (the WAL included), or `pg_dump --format=custom` of the schema
 *   terugzetten <bestand>   puts such a copy in place, with Tafel stopped, into an empty store only:
 *                           no tafel.sqlite in TAFEL_DATA_DIR, or no tables in the schema
 *
 * docs/operations.md says when to use which, and how to do the same by hand.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { storeLocation } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { StoreLocation } from '../store/db.ts';

const run = promisify(execFile);
const USAGE = 'gebruik: npm run backup -- <bestand> | terugzetten <bestand>';
const SQLITE_FILE = 'tafel.sqlite';

async function backup(location: StoreLocation, target: string): Promise<string> {
  if (fs.existsSync(target)) throw new Error(`${target} bestaat al; kies een nieuwe naam.`);
  if (location.kind === 'postgres') {
    const schema = location.schema ?? 'public';
    await run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${target}`, `--dbname=${location.url}`]);
    return `Schema ${schema} staat in ${target} (pg_dump).`;
  }
  const source = path.join(location.dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new Error(`Geen database in ${location.dataDir}.`);
  // Another connection beside the running server's: the backup API copies a consistent state,
  // the part still in the WAL included, and lets the server write on meanwhile.
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return `Back-up van ${source} staat in ${target}.`;
}

async function restore(location: StoreLocation, backupFile: string): Promise<string> {
  if (!fs.existsSync(backupFile)) throw new Error(`${backupFile} bestaat niet.`);
  if (location.kind === 'postgres') {
    const schema = location.schema ?? 'public';
    if ((await tablesIn(location.url, schema)) > 0) throw new Error(`Schema ${schema} is niet leeg. Stop Tafel en maak het eerst leeg (docs/operations.md).`);
    await run('pg_restore', ['--clean', '--if-exists', '--exit-on-error', '--no-owner', `--dbname=${location.url}`, backupFile]);
    return `${backupFile} staat terug in schema ${schema}. Start Tafel weer.`;
  }
  const target = path.join(location.dataDir, SQLITE_FILE);
  const leftovers = [target, `${target}-wal`, `${target}-shm`].filter((f) => fs.existsSync(f));
  if (leftovers.length > 0) throw new Error(`Er staat al een database in ${location.dataDir} (${leftovers.map((f) => path.basename(f)).join(', ')}). Stop Tafel en haal die eerst weg.`);
  fs.mkdirSync(location.dataDir, { recursive: true });
  // Checked under a name the server never opens, so a damaged copy never becomes the store.
  const checking = `${target}.terugzetten`;
  fs.copyFileSync(backupFile, checking);
  const db = new SQLite(checking, { fileMustExist: true });
  let verdict: unknown;
  try {
    verdict = db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
  if (verdict !== 'ok') {
    fs.rmSync(checking, { force: true });
    throw new Error(`${backupFile} is beschadigd (integrity_check: ${String(verdict)}).`);
  }
  fs.renameSync(checking, target);
  return `${backupFile} staat terug als ${target}. Start Tafel weer.`;
}

async function tablesIn(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = $1', [schema]);
    return Number(res.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const [first, second, ...rest] = process.argv.slice(2);
try {
  const location = storeLocation(loadConfig());
  if (first === 'terugzetten' && second && rest.length === 0) console.log(await restore(location, path.resolve(second)));
  else if (first && first !== 'terugzetten' && second === undefined) console.log(await backup(location, path.resolve(first)));
  else throw new Error(USAGE);
} catch (e) {
  // A failed pg_dump or pg_restore: its own words, not the command line (that holds DATABASE_URL).
  const stderr = (e as { stderr?: unknown }).stderr;
  console.error(typeof stderr === 'string' && stderr ? `mislukt:\n${stderr}` : e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
