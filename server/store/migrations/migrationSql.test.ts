import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../dialect.ts';
import { migrations } from '../migrations.ts';

/**
 * A released migration must run the same statements forever: a database migrated last year and
 * one migrated today must end up alike. Each migration's SQL, per dialect, is pinned here; a
 * change to how a migration is written (or to a helper it uses) that changes one statement fails.
 * The statements are compiled without a database, so data migrations show their reads only.
 */
async function statementsOf(dialect: Dialect): Promise<Record<string, string[]>> {
  const statements: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => (dialect === 'postgres' ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'postgres' ? new PostgresIntrospector(k) : new SqliteIntrospector(k)),
      createQueryCompiler: () => (dialect === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    log: (event) => {
      if (event.level === 'query') statements.push([event.query.sql, ...event.query.parameters.map((p) => JSON.stringify(p))].join(' -- '));
    },
  });
  const out: Record<string, string[]> = {};
  for (const [name, migration] of Object.entries(migrations(dialect))) {
    await migration.up(db);
    out[name] = statements.splice(0);
  }
  await db.destroy();
  return out;
}

describe('released migrations', () => {
  it.each(['sqlite', 'postgres'] as const)('run the same statements on %s as when they were released', async (dialect) => {
    expect(await statementsOf(dialect)).toMatchSnapshot();
  });
});
