import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqliteFile } from '../sqliteFile.ts';
import { organisationTitlesMigration } from './0017_organisation_titles.ts';

describe('0017: an organisation’s own sections carry its name', () => {
  it('renames the titles made from the id, and leaves every other title as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-0017-'));
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs on a schema-less Kysely.
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: openSqliteFile(path.join(dir, 'db.sqlite')) }) });
    try {
      await db.schema.createTable('organisations').addColumn('id', 'text').addColumn('name', 'text').execute();
      await db.schema.createTable('sections').addColumn('case_id', 'text').addColumn('id', 'text').addColumn('title', 'text').addColumn('owner_organisation_id', 'text').execute();
      await db.insertInto('organisations').values({ id: 'lokaal-team-almere', name: 'Sociaal wijkteam Almere Haven' }).execute();
      await db
        .insertInto('sections')
        .values([
          { case_id: 'demo', id: 'r-werkaantekeningen-lokaal-team-almere', title: 'Werkaantekeningen (lokaal team almere)', owner_organisation_id: 'lokaal-team-almere' },
          { case_id: 'c2', id: 'r-werkaantekeningen-lokaal-team-almere', title: 'Werkaantekeningen (Sociaal wijkteam Almere Haven)', owner_organisation_id: 'lokaal-team-almere' },
          { case_id: 'c3', id: 'r-werkaantekeningen-onbekend', title: 'Werkaantekeningen (onbekend)', owner_organisation_id: 'onbekend' },
          { case_id: 'demo', id: 'plan', title: 'Doelen en acties (lokaal team almere)', owner_organisation_id: null },
        ])
        .execute();
      await organisationTitlesMigration.up(db);
      const titles = await db.selectFrom('sections').select(['case_id', 'id', 'title']).orderBy('case_id').orderBy('id').execute();
      expect(titles.map((t) => t.title)).toEqual([
        'Werkaantekeningen (Sociaal wijkteam Almere Haven)',
        'Werkaantekeningen (onbekend)',
        'Doelen en acties (lokaal team almere)',
        'Werkaantekeningen (Sociaal wijkteam Almere Haven)',
      ]);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
