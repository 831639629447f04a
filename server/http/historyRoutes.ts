import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HistoryMark, VersionDetail, VersionView } from '../../shared/history.ts';
import { historyMarks } from '../history/historyMarks.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound } from './errors.ts';
import { requireHistory, requireSection } from './sectionAccess.ts';

const VersionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function versionIdOf(req: FastifyRequest): number {
  const id = VersionId.safeParse((req.params as { versionId?: unknown }).versionId);
  if (!id.success) throw notFound();
  return id.data;
}

/**
 * Version history of a section, for everyone who may read it (the family sees who wrote what
 * about them): versions, one version with its difference with now, and restoring one (edit
 * access) as a new change by the restorer. Rows are never removed, so history stays; only what
 * a removal request was about is destroyed in them (history/destroyStored.ts). Under emergency
 * access there is no history: a crisis needs the text as it is now.
 */
export function historyRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/sections/:sectionId/versions', async (req): Promise<VersionView[]> => {
    const { room } = await requireHistory(s, req);
    return s.history.versions(room, await s.directory.namesOf(await s.history.authors(room)));
  });

  // Status changes and shares, each at its version; the family only of what is theirs to know (historyMarks.ts).
  app.get('/api/cases/:caseId/sections/:sectionId/history-marks', async (req): Promise<HistoryMark[]> => {
    const { me, caseId, section, room } = await requireHistory(s, req);
    return historyMarks(s, me, { caseId, sectionId: section.id, room });
  });

  app.get('/api/cases/:caseId/sections/:sectionId/versions/:versionId', async (req): Promise<VersionDetail> => {
    const { room } = await requireHistory(s, req);
    const versionId = versionIdOf(req);
    const detail = await s.history.detail(room, versionId, await s.directory.namesOf(await s.history.authors(room)), s.log);
    if (!detail) throw notFound();
    return detail;
  });

  app.post('/api/cases/:caseId/sections/:sectionId/versions/:versionId/restore', async (req): Promise<{ restoredFrom: number; changed: boolean }> => {
    const { me, caseId, section, level, room } = await requireSection(s, req);
    const versionId = versionIdOf(req);
    if (level !== 'edit') throw new HttpError(403, 'forbidden', 'Alleen wie dit onderdeel mag bewerken, kan een versie terugzetten.');
    const update = await s.history.restoreUpdate(room, versionId);
    if (!update) throw notFound();
    const changed = !(update.length === 2 && update[0] === 0 && update[1] === 0);
    if (changed) {
      await s.documents.applyServerEdit(caseId, section.id, me, update);
      await s.audit.record({
        event: 'sectie-bewerkt',
        caseId,
        sectionId: section.id,
        userId: me.userId,
        role: me.role,
        organisationId: me.organisationId,
        detail: JSON.stringify({ versieTeruggezet: versionId }),
      });
    }
    return { restoredFrom: versionId, changed };
  });
}
