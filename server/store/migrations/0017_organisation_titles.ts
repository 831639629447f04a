import type { Kysely, Migration } from 'kysely';

/**
 * An organisation's own sections were titled after its id ("Werkaantekeningen (lokaal team
 * almere)") where the demo was seeded: they now carry the directory's name, as a case started in
 * Tafel titles them ("Werkaantekeningen (Sociaal wijkteam Almere Haven)"). Only that exact
 * suffix is replaced; a title anyone chose otherwise stays.
 */
export const organisationTitlesMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    const organisations: { id: string; name: string }[] = await db.selectFrom('organisations').select(['id', 'name']).execute();
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const sections: { case_id: string; id: string; title: string; owner_organisation_id: string }[] = await db
      .selectFrom('sections')
      .select(['case_id', 'id', 'title', 'owner_organisation_id'])
      .where('owner_organisation_id', 'is not', null)
      .execute();
    for (const s of sections) {
      const name = names.get(s.owner_organisation_id);
      const fromId = ` (${s.owner_organisation_id.replaceAll('-', ' ')})`;
      if (!name || !s.title.endsWith(fromId)) continue;
      const title = `${s.title.slice(0, -fromId.length)} (${name})`;
      await db.updateTable('sections').set({ title }).where('case_id', '=', s.case_id).where('id', '=', s.id).execute();
    }
  },
};
