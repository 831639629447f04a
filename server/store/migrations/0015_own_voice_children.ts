import type { Kysely, Migration } from 'kysely';
import { insertSectionAfter, personsInCaseOrder } from './sectionsForExistingCases.ts';

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
    const children = await personsInCaseOrder(db, 'kind', 'gezondheid-jeugdige');
    for (const child of children) {
      const id = `reactie-jeugdige-${child.id.replace(/^p-/, '')}`;
      const exists = await db.selectFrom('sections').select('id').where('case_id', '=', child.case_id).where('id', '=', id).executeTakeFirst();
      if (exists) continue;
      await insertSectionAfter(db, child.case_id, BEFORE, { id, catalogue_id: 'reactie-jeugdige', subject_person_id: child.id, title: `Reactie op het besluit: ${child.name.trim().split(/\s+/)[0]}` });
    }
  },
};
