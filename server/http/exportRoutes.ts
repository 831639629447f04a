import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { may } from '../../shared/access/may.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { formatFullDateTime } from '../../shared/format.ts';
import { isFamilyRole } from '../../shared/roles.ts';
import { type CaseCopy, gatherCopy } from '../export/caseCopy.ts';
import { caseExportHtml } from '../export/caseExport.ts';
import { caseExportPdf } from '../export/casePdf.ts';
import { copyChecksum } from '../export/copyChecksum.ts';
import { minutesText } from '../export/minutesCopy.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { mustMay, requireParticipant } from './requestContext.ts';

const ExportQuery = z.object({ format: z.enum(['html', 'pdf'], { message: 'Kies html of pdf.' }).default('html') });

/**
 * `GET /api/cases/:caseId/export[?format=pdf]`: a copy of the file as the caller may read it, as
 * one HTML page to keep or print (the default) or as a PDF to file. Each copy is logged as one
 * event with a row per section in it, so each reader of the log sees exactly the sections of a
 * copy that they may read themselves.
 */
export function exportRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/export', async (req, reply) => {
    const { me, caseId } = await requireParticipant(s, req);
    const { format } = parse(ExportQuery, req.query, 'query');
    // Emergency access ends after a few hours; a copy would not.
    mustMay(me, may(me, 'make-copy', null));
    const copy = await gatherCopy(s, me, caseId);
    const check = copyChecksum(copy);
    const body = format === 'pdf' ? await caseExportPdf(copy, check) : html(copy);
    await s.audit.recordAll(
      copy.sections.map(({ section }) => ({
        event: 'export' as const,
        caseId,
        sectionId: section.id,
        userId: me.userId,
        role: me.role,
        organisationId: me.organisationId,
        // Kept in the log only (never shown): lets the operator check a copy's control codes later.
        detail: `afschrift ${format} ${check.total} onderdeel ${check.sections.get(section.id)}`,
      })),
    );
    const filename = `afschrift-${caseId}-${dateInNetherlands(new Date(copy.at))}.${format}`;
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    if (format === 'pdf') return reply.type('application/pdf').header('content-security-policy', "default-src 'none'").send(body);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(body);
  });
}

function html(copy: CaseCopy): string {
  return caseExportHtml({
    caseTitle: copy.caseTitle,
    exportedBy: copy.madeFor.name,
    at: copy.at,
    sections: copy.sections,
    minutes: copy.minutes.map((t) => minutesText(t, isFamilyRole(copy.madeFor.role))),
    notes: (sectionId) => (blockId) =>
      copy.confirmations.filter((c) => c.sectionId === sectionId && c.blockId === blockId).map((c) => `Bevestigd door ${c.name} op ${formatFullDateTime(c.at)}.`),
  });
}
