import type { CaseSummary } from '../../shared/api.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { arrangeCaseload, type CaseloadQuery } from '../../shared/caseload.ts';
import { readableSections } from '../access/sectionAccess.ts';
import type { AuditEvent } from '../audit/auditLog.ts';
import type { Services } from '../services.ts';
import { caseloadOf, caseloadRead, readsContent } from './caseload.ts';

/**
 * `GET /api/cases`: the cases the user takes part in (or reads under emergency access now), each
 * with my role and my caseload, filtered and sorted by `query`. A list that showed what is in a
 * case's sections is logged once per case (NEN 7513), in one write.
 */
export async function caseListOf(s: Services, userId: string, query: CaseloadQuery): Promise<CaseSummary[]> {
  const rows = await s.cases.casesOf(userId);
  const now = new Date();
  const today = dateInNetherlands(now);
  const read: AuditEvent[] = [];
  const summaries = await Promise.all(
    rows.map(async (c): Promise<CaseSummary | null> => {
      const [me, running] = await Promise.all([s.cases.participant(c.id, userId), s.cases.emergency.participants(c.id, now.toISOString())]);
      // An emergency access can end between the two reads; that case is then no longer mine.
      if (!me) return null;
      const readable = await readableSections(s, me, c.id);
      const load = await caseloadOf(s, me, c, readable, today);
      if (readsContent(me, c)) read.push(caseloadRead(me, c, readable));
      const emergencies = me.emergency ? [] : running.map((p) => ({ name: p.name, until: p.emergency!.until }));
      return { id: c.id, title: c.title, region: c.region, status: c.status, myRole: me.role, emergencyUntil: me.emergency?.until ?? null, emergencies, ...load };
    }),
  );
  if (read.length > 0) await s.audit.recordAll(read);
  return arrangeCaseload(
    summaries.filter((c) => c !== null),
    query,
  );
}
