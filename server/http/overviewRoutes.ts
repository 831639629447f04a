import type { FastifyInstance } from 'fastify';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { CaseDates, caseDeadlines } from '../../shared/deadlines.ts';
import { awaitsMyConfirmation, buildOverview, type CaseOverview, type OverviewSection } from '../../shared/overview.ts';
import { visibleConfirmations } from '../confirmations/confirmations.ts';
import type { Services } from '../services.ts';
import { blocksOf } from '../documents/sectionContent.ts';
import { attestedBlocks } from '../documents/attestedBlocks.ts';
import { notFound } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableSections } from './sectionAccess.ts';

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
    const readable = await readableSections(s, me, caseId);
    const contents: OverviewSection[] = await Promise.all(
      readable.map(async ({ section, room }) => ({
        sectionId: section.id,
        sectionTitle: section.title,
        // blocksOf walks without recursion, so any depth reads; a section that still fails is left out.
        blocks: await s.documents.readOr(room, s.log, blocksOf, []),
        authors: Object.fromEntries((await attestedBlocks(s, room)).flatMap((b) => (b.insertedBy ? [[b.blockId, b.insertedBy]] : []))),
      })),
    );
    const confirmations = await visibleConfirmations(s, caseId, readable);
    // The overview shows content of many sections at once: logged once per request (NEN 7513).
    await s.audit.record({ event: 'overzicht-bekeken', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ secties: readable.length, ...(me.emergency ? { noodtoegang: true } : {}) }) });
    const today = dateInNetherlands(new Date());
    const items = buildOverview(contents, confirmations, today);
    return {
      ...items,
      waitingForMe: items.afspraken.filter((a) => awaitsMyConfirmation(a, me)).map((a) => a.id),
      today,
      deadlines: caseDeadlines(CaseDates.parse(JSON.parse(row.dates)), row.region, today),
    };
  });
}
