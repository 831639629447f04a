import type { Kysely, Migration } from 'kysely';
import { insertSectionAfter, personsInCaseOrder } from './sectionsForExistingCases.ts';

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
    // In the order the case lists its adults: that of their own GGZ sections.
    const adults = await personsInCaseOrder(db, 'ouder', 'ggz');
    for (const person of adults) {
      const tail = person.id.replace(/^p-/, '');
      const first = person.name.trim().split(/\s+/)[0];
      for (const entry of NEW) {
        const id = `${entry.id}-${tail}`;
        const exists = await db.selectFrom('sections').select('id').where('case_id', '=', person.case_id).where('id', '=', id).executeTakeFirst();
        if (exists) continue;
        await insertSectionAfter(db, person.case_id, new Set<string>(entry.after), { id, catalogue_id: entry.id, subject_person_id: person.id, title: `${entry.title}: ${first}` });
      }
    }
  },
};
