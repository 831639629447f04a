import type { FastifyInstance } from 'fastify';
import { type Confirmation, ConfirmRequest } from '../../shared/api.ts';
import type { Afspraak } from '../../shared/blocks/index.ts';
import type { Services } from '../services.ts';
import { blocksOf, readSection } from '../sync/sectionContent.ts';
import { HttpError, notFound, parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableSections, type SectionContext, sectionFor } from './sectionAccess.ts';

/**
 * Confirmations on the sections the caller may read (from `readableSections`); the rows of other
 * sections are never read out.
 */
export async function visibleConfirmations(s: Services, caseId: string, readable: readonly SectionContext[]): Promise<Confirmation[]> {
  if (readable.length === 0) return [];
  const rows = await s.sql.db
      .selectFrom('confirmations')
      .selectAll()
      .where('case_id', '=', caseId)
      .where(
        'section_id',
        'in',
        readable.map((r) => r.section.id),
      )
      .orderBy('at')
      .execute();
  const nameOf = await s.directory.namesOf(rows.map((r) => r.user_id));
  return rows.map((r) => ({ sectionId: r.section_id, blockId: r.block_id, userId: r.user_id, name: nameOf(r.user_id), at: r.at }));
}

/**
 * Confirmations of safety agreements. A party confirms an `afspraak` they are named in with only
 * read access to its section: the confirmation is a row (who, when), not a document change.
 */
export function confirmationRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/confirmations', async (req): Promise<Confirmation[]> => {
    const { me, caseId } = await requireParticipant(s, req);
    return visibleConfirmations(s, caseId, await readableSections(s, me, caseId));
  });

  app.post('/api/cases/:caseId/confirmations', async (req): Promise<Confirmation> => {
    const { me, caseId } = await requireParticipant(s, req);
    const body = parse(ConfirmRequest, req.body);
    const { section, room } = await sectionFor(s, me, caseId, body.sectionId);
    const block = await readSection(s.registry, room, (doc) => blocksOf(doc).find((b) => b.type === 'afspraak' && b.data.id === body.blockId));
    if (!block) throw notFound();
    const afspraak = block.data as Afspraak;
    if (!afspraak.partijen.some((p) => p.userId === me.userId)) {
      throw new HttpError(403, 'forbidden', 'Alleen wie in de afspraak genoemd wordt, kan die bevestigen.');
    }
    const at = new Date().toISOString();
    await s.sql.db
      .insertInto('confirmations')
      .values({ case_id: caseId, section_id: section.id, block_id: afspraak.id, user_id: me.userId, at })
      .onConflict((oc) => oc.columns(['case_id', 'section_id', 'block_id', 'user_id']).doNothing())
      .execute();
    s.fanout.control({ type: 'case-changed', caseId, what: 'confirmations', sectionId: section.id });
    return { sectionId: section.id, blockId: afspraak.id, userId: me.userId, name: me.name, at };
  });
}
