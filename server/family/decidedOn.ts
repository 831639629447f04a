import { validBlock } from '../../shared/blocks/index.ts';
import type { Attestation } from '../../shared/blocks/authorship.ts';
import type { Besluit } from '../../shared/blocks/index.ts';
import { decidedByRaad, replacedOn } from '../../shared/decisionStanding.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { attestedBlocks } from '../documents/attestedBlocks.ts';
import { blocksOf } from '../documents/sectionContent.ts';
import type { Services } from '../services.ts';

/** A section's blocks as read, with who the server attests put each in. */
interface ReadSection {
  ctx: SectionContext;
  blocks: readonly { type: string; data: unknown }[];
  authors: readonly { blockId: string; insertedBy: Attestation | null }[];
}

/**
 * The besluit blocks of the besluit sections among `sections`, each with its attested author and
 * whether that makes it a decision of the Tafel (shared/decisionStanding.ts): the one reading of
 * decisions that Thuis and the section list share.
 */
export function besluitBlocks(sections: readonly ReadSection[]): { ctx: SectionContext; block: Besluit; author: Attestation | null; decided: boolean }[] {
  return sections.flatMap(({ ctx, blocks, authors }) => {
    if (ctx.section.catalogueId !== 'besluit') return [];
    return blocks.flatMap((raw) => {
      const block = validBlock(raw.type, raw.data);
      if (block?.type !== 'besluit') return [];
      const author = authors.find((a) => a.blockId === block.data.id)?.insertedBy ?? null;
      return [{ ctx, block: block.data, author, decided: decidedByRaad(author) }];
    });
  });
}

/**
 * For each readable besluit section that holds the Tafel's decision that applies now (recorded by
 * the Raad, as the server attests it, and not replaced by a later one), the date it was decided.
 * The family's section list shows that instead of the write-up's review status, as Thuis does
 * (shared/decisionStanding.ts), so the two never contradict each other.
 */
export async function decidedOnBySection(s: Services, readable: readonly SectionContext[]): Promise<Map<string, string>> {
  const sections = await Promise.all(
    readable
      .filter((r) => r.section.catalogueId === 'besluit')
      .map(async (ctx) => ({ ctx, blocks: await s.documents.readOr(ctx.room, s.log, blocksOf, []), authors: await attestedBlocks(s, ctx.room) })),
  );
  const found = besluitBlocks(sections).map((d) => ({ sectionId: d.ctx.section.id, datum: d.block.datum, decided: d.decided }));
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
