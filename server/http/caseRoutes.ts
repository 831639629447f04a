import type { FastifyInstance } from 'fastify';
import { accessFor } from '../../shared/access/accessFor.ts';
import { explainAccess } from '../../shared/access/explain.ts';
import { may } from '../../shared/access/may.ts';
import { shareCandidates } from '../../shared/access/shareWith.ts';
import type { CaseDetail, CaseSummary, SectionView } from '../../shared/api.ts';
import type { CaseAccessContext, Participant, SectionInstance } from '../../shared/caseModel.ts';
import { type CaseId, roomName } from '../../shared/ids.ts';
import { CaseloadQuery } from '../../shared/caseload.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import { readableAmong } from '../access/sectionAccess.ts';
import { caseListOf } from '../cases/caseList.ts';
import { decidedOnFor } from '../family/decidedOn.ts';
import { readSectionText } from '../search/sectionText.ts';
import type { Services } from '../services.ts';
import { notFound, parse } from './errors.ts';
import { requireParticipant, requireUser } from './requestContext.ts';

const NO_ONE = { persons: [], consentRoles: [], legalGroundRoles: [] };

export function caseRoutes(app: FastifyInstance, s: Services): void {
  // "Mijn zaken": every case of mine with my caseload (server/cases/caseList.ts).
  app.get('/api/cases', async (req): Promise<CaseSummary[]> => {
    const user = await requireUser(s, req);
    return caseListOf(s, user.id, parse(CaseloadQuery, req.query, 'query'));
  });

  app.get('/api/cases/:caseId', async (req): Promise<CaseDetail> => {
    const { me, caseId } = await requireParticipant(s, req);
    const row = await s.cases.caseById(caseId);
    if (!row) throw notFound();
    const [sections, ctx, participants, persons] = await Promise.all([
      s.cases.sections(caseId),
      s.cases.accessContext(caseId),
      s.cases.participants(caseId),
      s.cases.persons(caseId),
    ]);
    const changed = await s.cases.sectionChanges(caseId);
    const open = new Map((await s.documents.inMemory()).map((d) => [d.name, d]));
    const nameOf = await s.directory.namesOf([...ctx.consents.map((c) => c.givenBy), ...[...changed.values()].flatMap((c) => c.updatedBy ?? [])]);
    const organisationOf = await s.directory.organisationNamesOf(participants.map((p) => p.organisationId));
    const withOrganisation = (p: Participant) => ({ ...p, organisation: organisationOf(p.organisationId) });
    const decidedOn = await decidedOnFor(s, me, readableAmong(me, caseId, sections, ctx));
    const views: SectionView[] = [];
    for (const section of sections) {
      const mine = accessFor(me, section, ctx);
      // Sections the caller may not see are absent: not listed, not counted, not named.
      if (mine.level === 'none') continue;
      const visibleTo = participants.flatMap((p) => {
        const d = accessFor(p, section, ctx);
        return d.level === 'none' ? [] : [{ userId: p.userId, name: p.name, role: p.role, level: d.level, because: explainAccess(d, p.role, nameOf) }];
      });
      const change = changed.get(section.id);
      views.push({
        ...section,
        access: mine.level,
        because: explainAccess(mine, me.role, nameOf),
        restriction: catalogueEntry(section.catalogueId).restriction,
        updatedAt: change?.updatedAt ?? null,
        updatedBy: change?.updatedBy ? nameOf(change.updatedBy) : null,
        visibleTo,
        present: open.get(roomName(caseId as CaseId, section.id))?.presentNames() ?? [],
        shareWith: section.subjectPersonId === null ? NO_ONE : shareCandidates(section, participants, persons, ctx),
        decidedOn: decidedOn.get(section.id) ?? null,
      });
    }
    return {
      id: row.id,
      title: row.title,
      region: row.region,
      status: row.status,
      withheld: await withheldFrom(s, me, sections, ctx),
      me: withOrganisation(me),
      persons: persons.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      participants: participants.map(withOrganisation),
      sections: views,
    };
  });
}

/**
 * What the family may know exists but cannot read ("transparent unless", DOMAIN.md): the notice of
 * each restricted section that has one, while that section holds text. Nothing more: not which
 * section, not how much. Only for the people the file is about (parents, the young person).
 */
async function withheldFrom(s: Services, me: Participant, sections: readonly SectionInstance[], ctx: CaseAccessContext): Promise<string[]> {
  if (!may(me, 'hear-of-withheld', null).ok) return [];
  const notices = new Set<string>();
  for (const section of sections) {
    const { familyNotice } = catalogueEntry(section.catalogueId);
    if (!familyNotice || notices.has(familyNotice) || accessFor(me, section, ctx).level !== 'none') continue;
    const room = roomName(section.caseId, section.id);
    // A section that cannot be read holds something, so its notice is shown.
    const text = await readSectionText(s.documents, room, s.log, null);
    if (text === null || text.trim().length > 0) notices.add(familyNotice);
  }
  return [...notices];
}
