import type { FastifyRequest } from 'fastify';
import { accessFor } from '../../shared/access/accessFor.ts';
import type { CaseAccessContext, Participant, SectionInstance } from '../../shared/caseModel.ts';
import { type CaseId, roomName, SectionInstanceId } from '../../shared/ids.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import type { Services } from '../services.ts';
import { notFound } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

export type { SectionContext };

/**
 * A section of the case as the caller may see it, decided by the one policy (`accessFor`). A
 * section the caller cannot see gets the same 404 as one that does not exist, and so does a
 * malformed id, so section ids cannot be probed.
 */
export async function sectionFor(s: Services, me: Participant, caseId: string, rawSectionId: unknown): Promise<SectionContext> {
  const id = SectionInstanceId.safeParse(rawSectionId);
  if (!id.success) throw notFound();
  const [section, ctx] = await Promise.all([s.cases.section(caseId, id.data), s.cases.accessContext(caseId)]);
  if (!section) throw notFound();
  const { level } = accessFor(me, section, ctx);
  if (level === 'none') throw notFound();
  return { me, caseId, section, level, room: roomName(caseId as CaseId, section.id as SectionInstanceId) };
}

/**
 * Every section of the case the caller may at least read, in case order. Lists, the overview, the
 * export and search all start here, so a section below `read` never contributes a byte.
 */
export async function readableSections(s: Services, me: Participant, caseId: string): Promise<SectionContext[]> {
  const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
  return readableAmong(me, caseId, sections, ctx);
}

/** `readableSections` for a route that has the sections and access context at hand already. */
export function readableAmong(me: Participant, caseId: string, sections: readonly SectionInstance[], ctx: CaseAccessContext): SectionContext[] {
  return sections.flatMap((section) => {
    const { level } = accessFor(me, section, ctx);
    if (level === 'none') return [];
    return [{ me, caseId, section, level, room: roomName(caseId as CaseId, section.id as SectionInstanceId) }];
  });
}

/** The caller and the section in `/api/cases/:caseId/sections/:sectionId/…`. */
export async function requireSection(s: Services, req: FastifyRequest): Promise<SectionContext> {
  const { me, caseId } = await requireParticipant(s, req);
  return sectionFor(s, me, caseId, (req.params as { sectionId?: unknown }).sectionId);
}
