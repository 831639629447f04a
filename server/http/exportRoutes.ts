import type { FastifyInstance } from 'fastify';
import { formatDateTime } from '../../shared/format.ts';
import { caseExportHtml } from '../export/caseExport.ts';
import { visibleThreads } from '../comments/threadQueries.ts';
import { visibleConfirmations } from '../confirmations/confirmations.ts';
import type { Services } from '../services.ts';
import { readerJSON, readSectionOr } from '../sync/sectionContent.ts';
import { HttpError, notFound } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableSections } from './sectionAccess.ts';

/**
 * `GET /api/cases/:caseId/export`: a copy of the file as the caller may read it, as one HTML page
 * to keep or print. Every exported section is logged, so the family sees who took a copy of what.
 */
export function exportRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/export', async (req, reply) => {
    const { me, caseId } = await requireParticipant(s, req);
    // Emergency access ends after a few hours; a copy would not.
    if (me.emergency) throw new HttpError(403, 'emergency_read_only', 'Met noodtoegang kun je lezen, maar geen afschrift maken.');
    const row = await s.cases.caseById(caseId);
    if (!row) throw notFound();
    const readable = await readableSections(s, me, caseId);
    const [threads, confirmations] = await Promise.all([
      visibleThreads(
        s.comments,
        me,
        caseId,
        readable.map((r) => r.section.id),
      ),
      visibleConfirmations(s, caseId, readable),
    ]);
    const sections = await Promise.all(
      readable.map(async ({ section, room }) => ({
        section,
        // A section that cannot be shown (stored before a rule existed) gets a note, not the whole copy a 500.
        nodes: await readSectionOr(s.registry, room, s.log, (doc) => readerJSON(doc, room, s.log), null),
        threads: threads.filter((t) => t.sectionId === section.id),
      })),
    );
    const at = new Date().toISOString();
    for (const { section } of sections) {
      await s.audit.record({ event: 'export', caseId, sectionId: section.id, userId: me.userId, role: me.role, organisationId: me.organisationId });
    }
    const html = caseExportHtml({
      caseTitle: row.title,
      exportedBy: me.name,
      at,
      sections,
      notes: (sectionId) => (blockId) =>
        confirmations.filter((c) => c.sectionId === sectionId && c.blockId === blockId).map((c) => `Bevestigd door ${c.name} op ${formatDateTime(c.at)}.`),
    });
    return reply
      .type('text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="afschrift-${caseId}-${at.slice(0, 10)}.html"`)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(html);
  });
}
