import type { FastifyRequest } from 'fastify';
import { may } from '../../shared/access/may.ts';
import { sectionFor } from '../access/sectionAccess.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import type { Services } from '../services.ts';
import { mustMay, requireParticipant } from './requestContext.ts';

// What a route needs to reach a section, in one import; the rules are in access/sectionAccess.ts.
export { readableAmong, readableSections, sectionFor } from '../access/sectionAccess.ts';
export type { SectionContext };

/** The caller and the section in `/api/cases/:caseId/sections/:sectionId/…` (404 for one they cannot see). */
export async function requireSection(s: Services, req: FastifyRequest): Promise<SectionContext> {
  const { me, caseId } = await requireParticipant(s, req);
  return sectionFor(s, me, caseId, (req.params as { sectionId?: unknown }).sectionId);
}

/** The section, for someone who may read its history (`may('read-history')`: not under emergency access). */
export async function requireHistory(s: Services, req: FastifyRequest): Promise<SectionContext> {
  const ctx = await requireSection(s, req);
  mustMay(ctx.me, may(ctx.me, 'read-history', null));
  return ctx;
}
