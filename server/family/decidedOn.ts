import { validBlock } from '../../shared/blocks/index.ts';
import { type DecisionDates, decidedByRaad, replacedOn } from '../../shared/decisionStanding.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { attestedBlocks } from '../documents/attestedBlocks.ts';
import { blocksOf } from '../documents/sectionContent.ts';
import type { Services } from '../services.ts';

/**
 * For each readable besluit section that holds the Tafel's decision that applies now (recorded by
 * the Raad, as the server attests it, and not replaced by a later one), the date it was decided.
 * The family's section list shows that instead of the write-up's review status, as Thuis does
 * (shared/decisionStanding.ts), so the two never contradict each other.
 */
export async function decidedOnBySection(s: Services, readable: readonly SectionContext[]): Promise<Map<string, string>> {
  const found: (DecisionDates & { sectionId: string })[] = [];
  for (const r of readable) {
    if (r.section.catalogueId !== 'besluit') continue;
    const [blocks, authors] = await Promise.all([s.documents.readOr(r.room, s.log, blocksOf, []), attestedBlocks(s, r.room)]);
    for (const raw of blocks) {
      const block = validBlock(raw.type, raw.data);
      if (block?.type !== 'besluit') continue;
      const author = authors.find((a) => a.blockId === block.data.id)?.insertedBy ?? null;
      found.push({ sectionId: r.section.id, datum: block.data.datum, decided: decidedByRaad(author) });
    }
  }
  const replaced = replacedOn(found);
  const decidedOn = new Map<string, string>();
  found.forEach((d, i) => {
    if (d.decided && replaced[i] === null) decidedOn.set(d.sectionId, d.datum);
  });
  return decidedOn;
}

/**
 * `decidedOnBySection` for a reader who sees the family's status words (shared/statusLabels.ts);
 * professionals read the review status itself, so their list costs no document reads.
 */
export function decidedOnFor(s: Services, me: Participant, readable: readonly SectionContext[]): Promise<Map<string, string>> {
  return isFamilyRole(me.role) ? decidedOnBySection(s, readable) : Promise.resolve(new Map());
}
