import type { Kysely, Migration } from 'kysely';

/**
 * A parent's own voice: `eigen-woorden` and `reactie-besluit`, one instance per adult of the
 * family, written only by that person (shared/sections.ts, `ownVoice`). New cases and persons get
 * them from the catalogue; this gives them to the adults of cases that exist already. The
 * catalogue order is written out here, as it was at this migration, so it reads the same later.
 */
const NEW = [
  { id: 'eigen-woorden', title: 'In eigen woorden', after: ['aanleiding', 'gezin', 'stem-jeugdige', 'stem-ouders', 'eigen-woorden'] },
  {
    id: 'reactie-besluit',
    title: 'Reactie op het besluit',
    after: ['aanleiding', 'gezin', 'stem-jeugdige', 'stem-ouders', 'eigen-woorden', 'financien', 'bestaanszekerheid', 'ggz', 'gezondheid-jeugdige', 'onderwijs', 'opvoeding', 'huiselijk-geweld', 'online', 'justitie', 'zorgen-krachten', 'verklarende-analyse', 'veiligheidsplan', 'plan', 'besluit', 'reactie-gezin', 'reactie-besluit'],
  },
] as const;

export const ownVoiceMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    const persons = (await db.selectFrom('persons').select(['id', 'case_id', 'name']).where('kind', '=', 'ouder').where('removed_at', 'is', null).execute()) as { id: string; case_id: string; name: string }[];
    // In the order the case lists its adults: that of their own GGZ sections.
    const ggz = (await db.selectFrom('sections').select(['case_id', 'subject_person_id', 'position']).where('catalogue_id', '=', 'ggz').execute()) as { case_id: string; subject_person_id: string | null; position: number }[];
    const place = (p: { id: string; case_id: string }) => ggz.find((g) => g.case_id === p.case_id && g.subject_person_id === p.id)?.position ?? Number.MAX_SAFE_INTEGER;
    const adults = persons.sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : place(a) - place(b)));
    for (const person of adults) {
      const tail = person.id.replace(/^p-/, '');
      const first = person.name.trim().split(/\s+/)[0];
      for (const entry of NEW) {
        const id = `${entry.id}-${tail}`;
        const exists = await db.selectFrom('sections').select('id').where('case_id', '=', person.case_id).where('id', '=', id).executeTakeFirst();
        if (exists) continue;
        const rows = (await db.selectFrom('sections').select(['catalogue_id', 'position']).where('case_id', '=', person.case_id).execute()) as { catalogue_id: string; position: number }[];
        const before = new Set<string>(entry.after);
        const position = rows.filter((r) => before.has(r.catalogue_id)).reduce((max, r) => Math.max(max, r.position), -1) + 1;
        await db
          .updateTable('sections')
          .set((eb) => ({ position: eb('position', '+', 1) }))
          .where('case_id', '=', person.case_id)
          .where('position', '>=', position)
          .execute();
        await db
          .insertInto('sections')
          .values({
            id,
            case_id: person.case_id,
            catalogue_id: entry.id,
            subject_person_id: person.id,
            owner_organisation_id: null,
            title: `${entry.title}: ${first}`,
            status: 'concept',
            position,
            updated_at: null,
            updated_by: null,
          })
          .execute();
      }
    }
  },
};
