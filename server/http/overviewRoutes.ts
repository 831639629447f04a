import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accessFor } from '../../shared/access/accessFor.ts';
import { Confirmation } from '../../shared/api.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { atLeast } from '../../shared/caseModel.ts';
import { CaseDates, caseDeadlines } from '../../shared/deadlines.ts';
import { roomName, type CaseId, type SectionInstanceId } from '../../shared/ids.ts';
import { buildOverview, type CaseOverview, type OverviewSection } from '../../shared/overview.ts';
import type { Services } from '../services.ts';
import { blocksOf, readSection } from '../sync/sectionContent.ts';
import { notFound } from './errors.ts';
import { requireParticipant } from './requestContext.ts';

/**
 * `GET /api/cases/:caseId/overview`: every afspraak, actie, veiligheidsvoorwaarde and scaling
 * score across the sections the caller may read, plus the case deadlines. Content comes from the
 * live documents, so the overview shows what is in the editors right now.
 */
export function overviewRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/overview', async (req): Promise<CaseOverview> => {
    const { me, caseId } = await requireParticipant(s, req);
    const row = await s.cases.caseById(caseId);
    if (!row) throw notFound();
    const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
    // The one access policy decides; a section below `read` contributes nothing, not even a count.
    const readable = sections.filter((section) => atLeast(accessFor(me, section, ctx).level, 'read'));
    const contents: OverviewSection[] = await Promise.all(
      readable.map(async (section) => ({
        sectionId: section.id,
        sectionTitle: section.title,
        blocks: await readSection(s.registry, roomName(caseId as CaseId, section.id as SectionInstanceId), blocksOf),
      })),
    );
    const confirmations = await confirmationsFor(app, req, caseId);
    const today = dateInNetherlands(new Date());
    return {
      ...buildOverview(contents, confirmations, today),
      today,
      deadlines: caseDeadlines(CaseDates.parse(JSON.parse(row.dates)), row.region, today),
    };
  });
}

/**
 * The caller's confirmations, read through the confirmations route itself (same session, same
 * visibility filter) so that rule lives in one place. Only confirmations of blocks that made it
 * into the overview are used.
 */
async function confirmationsFor(app: FastifyInstance, req: FastifyRequest, caseId: string): Promise<Confirmation[]> {
  const res = await app.inject({ method: 'GET', url: `/api/cases/${encodeURIComponent(caseId)}/confirmations`, headers: { cookie: req.headers.cookie ?? '' } });
  if (res.statusCode !== 200) throw new Error(`confirmations: status ${res.statusCode}`);
  return z.array(Confirmation).parse(res.json());
}
