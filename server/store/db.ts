import fs from 'node:fs';
import path from 'node:path';
import { type Compilable, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ImmediateSqliteDialect } from './immediateSqlite.ts';
import { migrate } from './migrations.ts';
import { openSqliteFile } from './sqliteFile.ts';
import { SqliteWriter } from './sqliteWriter.ts';
import type { Dialect } from './dialect.ts';
import type { Database } from './schema.ts';

export type { Dialect };

export interface SqlStore {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite only: the thread that appends to the update log and runs `write`. */
  writer: SqliteWriter | null;
  /**
   * Runs write statements in one transaction without holding up the event loop: on SQLite in the
   * writer thread, in order with the update log; on PostgreSQL through the pool. For writes made
   * while people type (change times, audit events); resolves once they are committed.
   */
  write(queries: readonly Compilable[]): Promise<void>;
  /** Resolves once the database answers a trivial query (the health check), rejects when it cannot. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; schema?: string };

/**
 * Opens the SQL store and migrates it. SQLite runs in WAL mode with `synchronous=FULL`: every
 * commit is on disk before it returns, which the sync server relies on before relaying an update.
 */
export async function openSqlStore(location: StoreLocation): Promise<SqlStore> {
  if (location.kind === 'sqlite') {
    fs.mkdirSync(location.dataDir, { recursive: true });
    const fileName = path.join(location.dataDir, 'tafel.sqlite');
    const file = openSqliteFile(fileName);
    // Checkpoints copy the log into the database file and wait for the disk twice; the event loop
    // must not be the one that happens to cross the threshold. The checkpoint thread does them.
    file.pragma('wal_autocheckpoint = 0');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: file }) });
    await migrate(db, 'sqlite');
    const writer = new SqliteWriter(fileName);
    await closingOnFailure(db, () => writer.start());
    return {
      db,
      dialect: 'sqlite',
      writer,
      write: (queries) =>
        writer.run(
          queries.map((q) => {
            // Only the text and values cross to the thread, not Kysely's query tree.
            const { sql, parameters } = q.compile();
            return { sql, parameters };
          }),
        ),
      ping: () => ping(db),
      close: async () => {
        await writer.close();
        await db.destroy();
      },
    };
  }
  const { schema } = location;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('invalid schema name');
  const pool = new pg.Pool({
    connectionString: location.url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // bigint columns (ms times) fit in a JS number; read them as numbers, not strings.
  pg.types.setTypeParser(20, (v) => Number(v));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await closingOnFailure(db, () =>
    withMigrationLock(location.url, async (client) => {
      if (schema) await client.query(`create schema if not exists ${schema}`);
      await migrate(db, 'postgres');
    }),
  );
  return {
    db,
    dialect: 'postgres',
    writer: null,
    write: (queries) =>
      db.transaction().execute(async (trx) => {
        for (const q of queries) await trx.executeQuery(q.compile());
      }),
    ping: () => ping(db),
    close: () => db.destroy(),
  };
}

async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Processes starting together on an empty database take turns creating the schema and migrating:
 * `create schema if not exists` is not race-safe in PostgreSQL (a unique violation in the catalog).
 */
async function withMigrationLock(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('tafel:migrate'))`);
    await work(client);
  } finally {
    // Ending the session releases the lock, also when `work` failed.
    await client.end();
  }
}

/** A step of opening the store; if it fails, the connection is closed before the error goes on. */
async function closingOnFailure(db: Kysely<Database>, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
