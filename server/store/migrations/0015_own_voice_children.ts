import type { Kysely, Migration } from 'kysely';

/**
 * A child's own reaction to the decision: `reactie-jeugdige`, one per child of the family
 * (shared/sections.ts, `ownVoice`; from 12 only the young person writes it). New cases and
 * persons get it from the catalogue; this gives it to the children of cases that exist already,
 * after the parents' reactions (0014), in the order the case lists its children.
 */
const BEFORE = new Set(['aanleiding', 'gezin', 'stem-jeugdige', 'stem-ouders', 'eigen-woorden', 'financien', 'bestaanszekerheid', 'ggz', 'gezondheid-jeugdige', 'onderwijs', 'opvoeding', 'huiselijk-geweld', 'online', 'justitie', 'zorgen-krachten', 'verklarende-analyse', 'veiligheidsplan', 'plan', 'besluit', 'reactie-gezin', 'reactie-besluit', 'reactie-jeugdige']);

export const ownVoiceChildrenMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    const persons = (await db.selectFrom('persons').select(['id', 'case_id', 'name']).where('kind', '=', 'kind').where('removed_at', 'is', null).execute()) as { id: string; case_id: string; name: string }[];
    const health = (await db.selectFrom('sections').select(['case_id', 'subject_person_id', 'position']).where('catalogue_id', '=', 'gezondheid-jeugdige').execute()) as { case_id: string; subject_person_id: string | null; position: number }[];
    const place = (p: { id: string; case_id: string }) => health.find((h) => h.case_id === p.case_id && h.subject_person_id === p.id)?.position ?? Number.MAX_SAFE_INTEGER;
    const children = persons.sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : place(a) - place(b)));
    for (const child of children) {
      const id = `reactie-jeugdige-${child.id.replace(/^p-/, '')}`;
      const exists = await db.selectFrom('sections').select('id').where('case_id', '=', child.case_id).where('id', '=', id).executeTakeFirst();
      if (exists) continue;
      const rows = (await db.selectFrom('sections').select(['catalogue_id', 'position']).where('case_id', '=', child.case_id).execute()) as { catalogue_id: string; position: number }[];
      const position = rows.filter((r) => BEFORE.has(r.catalogue_id)).reduce((max, r) => Math.max(max, r.position), -1) + 1;
      await db
        .updateTable('sections')
        .set((eb) => ({ position: eb('position', '+', 1) }))
        .where('case_id', '=', child.case_id)
        .where('position', '>=', position)
        .execute();
      await db
        .insertInto('sections')
        .values({
          id,
          case_id: child.case_id,
          catalogue_id: 'reactie-jeugdige',
          subject_person_id: child.id,
          owner_organisation_id: null,
          title: `Reactie op het besluit: ${child.name.trim().split(/\s+/)[0]}`,
          status: 'concept',
          position,
          updated_at: null,
          updated_by: null,
        })
        .execute();
    }
  },
};
