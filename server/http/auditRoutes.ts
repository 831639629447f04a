import type { FastifyInstance } from 'fastify';
import type { AuditLogView } from '../../shared/api.ts';
import type { AuditEventName } from '../audit/auditLog.ts';
import type { Services } from '../services.ts';
import { requireParticipant } from './requestContext.ts';
import { readableAmong } from './sectionAccess.ts';

/** Everyone in the case sees that emergency access was started or ended, and why. */
const EMERGENCY_EVENTS = new Set<string>(['noodtoegang', 'noodtoegang-beeindigd'] satisfies AuditEventName[]);

/**
 * The case's audit log. The regisseur reads all of it; everyone else reads "who looked at my
 * file": views and copies (exports) of the sections they can see themselves, so restricted
 * sections stay unnamed, and emergency access with its reason.
 */
export function auditRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/audit', async (req): Promise<AuditLogView> => {
    const { me, caseId } = await requireParticipant(s, req);
    const [rows, sections, ctx, users] = await Promise.all([
      s.audit.forCase(caseId, 2000),
      s.cases.sections(caseId),
      s.cases.accessContext(caseId),
      s.sql.db.selectFrom('users').select(['id', 'name']).execute(),
    ]);
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    const visible = new Map<string, string>(readableAmong(me, caseId, sections, ctx).map((r) => [r.section.id, r.section.title]));
    const full = me.role === 'regisseur';
    const entries = rows
      .filter((r) => full || EMERGENCY_EVENTS.has(r.event) || ((r.event === 'sectie-bekeken' || r.event === 'export') && r.section_id !== null && visible.has(r.section_id)))
      .map((r) => ({
        at: r.at,
        event: r.event,
        sectionId: r.section_id,
        sectionTitle: r.section_id ? (visible.get(r.section_id) ?? sections.find((x) => x.id === r.section_id)?.title ?? null) : null,
        who: r.user_id ? (nameOf.get(r.user_id) ?? r.user_id) : 'onbekend',
        role: r.role,
        organisationId: r.organisation_id,
        onBehalfOf: r.on_behalf_of,
        // Other details (a search term, an email address) stay in the log; these are for everyone.
        detail: EMERGENCY_EVENTS.has(r.event) || r.detail === 'noodtoegang' ? r.detail : null,
      }));
    return { scope: full ? 'volledig' : 'inzage', entries };
  });
}
