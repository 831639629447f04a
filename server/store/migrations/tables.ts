import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Columns as a migration declares them, in order, like SQL: `'id key, case_id, minutes integer,
 * ended_at?'`. A column is `text` unless a type follows its name (`integer`, `bigint`, `bytea`,
 * `blob`, `serial`); it is NOT NULL unless it ends in `?`; `key` makes it the primary key,
 * `unique` unique, `autoincrement` (SQLite) counts it up. The id and binary types that differ by
 * dialect come from `serialId` and `binary`.
 *
 * Released migrations use this too, so what a word means here never changes: the SQL of every
 * migration is pinned by migrationSql.test.ts.
 */
const TYPES = ['text', 'integer', 'bigint', 'bytea', 'blob', 'serial'] as const;
type ColumnType = (typeof TYPES)[number];
const FLAGS = ['key', 'unique', 'autoincrement'] as const;
type Flag = (typeof FLAGS)[number];

interface Column {
  name: string;
  type: ColumnType;
  flags: Set<Flag>;
  nullable: boolean;
}

export const serialId = (dialect: Dialect): string => (dialect === 'postgres' ? 'serial key' : 'integer key autoincrement');
export const binary = (dialect: Dialect): string => (dialect === 'postgres' ? 'bytea' : 'blob');

/**
 * A `create table` with its columns and, where it has one of several columns, its primary key
 * (named `<table>_pk`); other constraints chain on it before `execute()`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
export function createTable(db: Kysely<any>, name: string, columns: string, primaryKey?: string[]): CreateTableBuilder<string, string> {
  let table: CreateTableBuilder<string, string> = db.schema.createTable(name);
  for (const c of parseColumns(columns)) table = table.addColumn(c.name, c.type, (b) => constraints(b, c));
  return primaryKey ? table.addPrimaryKeyConstraint(`${name}_pk`, primaryKey) : table;
}

/** Adds columns to a table, one statement each: SQLite adds one column at a time. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
export async function addColumns(db: Kysely<any>, table: string, columns: string): Promise<void> {
  for (const c of parseColumns(columns)) {
    await db.schema
      .alterTable(table)
      .addColumn(c.name, c.type, (b) => constraints(b, c))
      .execute();
  }
}

function parseColumns(columns: string): Column[] {
  return columns.split(',').map((spec) => {
    const nullable = spec.trim().endsWith('?');
    const [name, ...words] = spec.trim().replace(/\?$/, '').split(/\s+/);
    const type = TYPES.find((t) => t === words[0]) ?? 'text';
    if (words[0] === type) words.shift();
    const unknown = words.find((w) => !FLAGS.includes(w as Flag));
    // A key is never null, and a unique column here is a NOT NULL one: `x? key` or `x? unique` would lose a word.
    const contradicts = nullable && words.some((w) => w === 'key' || w === 'unique');
    if (!name || unknown || contradicts) throw new Error(`migration column "${spec.trim()}" is not understood`);
    return { name, type, flags: new Set(words as Flag[]), nullable };
  });
}

function constraints(b: ColumnDefinitionBuilder, column: Column): ColumnDefinitionBuilder {
  if (column.flags.has('key')) return column.flags.has('autoincrement') ? b.primaryKey().autoIncrement() : b.primaryKey();
  if (column.nullable) return b;
  return column.flags.has('unique') ? b.notNull().unique() : b.notNull();
}
