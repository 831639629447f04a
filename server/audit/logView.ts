import { AUDIT_PAGE_SIZE, type AuditLogView, type AuditQuery } from '../../shared/api.ts';
import { may } from '../../shared/access/may.ts';
import type { Participant, SectionInstance } from '../../shared/caseModel.ts';
import { UNKNOWN_USER } from '../../shared/identity.ts';
import { CATALOGUE } from '../../shared/sections.ts';
import { readableAmong } from '../access/sectionAccess.ts';
import { fold } from '../search/fold.ts';
import type { Services } from '../services.ts';
import type { AuditEventName } from './auditLog.ts';
import { auditBounds } from './auditPeriod.ts';
import { oneEntryPerCopy } from './copyEntries.ts';
import { oneEntryPerRead } from './readEntries.ts';

/** Everyone in the case sees that emergency access was started or ended, and why. */
const EMERGENCY_EVENTS = new Set<string>(['noodtoegang', 'noodtoegang-beeindigd'] satisfies AuditEventName[]);
/** The person a section is about sees every change of who may read it (a consent, a legal ground, a grant). */
const ACCESS_EVENTS = new Set<string>(['toestemming-gegeven', 'toestemming-ingetrokken', 'toegang-gewijzigd'] satisfies AuditEventName[]);

/**
 * The case's audit log. The regisseur reads all of it; everyone else reads "who looked at my
 * file": views and copies (exports) of the sections, and emergency access with its reason. For
 * every reader, the regisseur too, an entry about a section is there only while the reader may
 * read that section (the one policy, `accessFor`), so a restricted section stays unnamed, and so
 * does the moment anyone opened it. What the reader did themselves is left out unless asked
 * (`own`). The rows of the whole period are filtered and grouped first, then paged, so every
 * page counts and lists only what this reader may see, however long the log is; the next pages
 * are read as of the first (`asOf`), so a look in between does not shift them.
 */
export async function logView(s: Pick<Services, 'audit' | 'cases' | 'directory'>, me: Participant, caseId: string, query: AuditQuery): Promise<AuditLogView> {
  // Times are compared as the log stores them: ISO in UTC with milliseconds.
  const asOf = new Date(query.asOf ?? Date.now()).toISOString();
  const [rows, sections, ctx] = await Promise.all([
    s.audit.inPeriod(caseId, auditBounds(query), asOf, query.own ? null : me.userId),
    s.cases.sections(caseId),
    s.cases.accessContext(caseId),
  ]);
  const nameOf = await s.directory.namesOf(rows.flatMap((r) => r.user_id ?? []));
  const organisationOf = await s.directory.organisationNamesOf(rows.map((r) => r.organisation_id));
  const visible = new Map<string, string>(readableAmong(me, caseId, sections, ctx).map((r) => [r.section.id, r.section.title]));
  const mentionsHidden = hiddenNames(sections, visible);
  const full = may(me, 'read-full-log', null).ok;
  const aboutMe = new Set<string>(sections.filter((x) => me.personId !== null && x.subjectPersonId === me.personId).map((x) => x.id));
  const entries = rows
    .filter((r) => {
      // About a section (also a section no longer in the case): only for who may read it now.
      if (r.section_id !== null) {
        const shown = full || r.event === 'sectie-bekeken' || r.event === 'export' || (ACCESS_EVENTS.has(r.event) && aboutMe.has(r.section_id));
        return visible.has(r.section_id) && shown;
      }
      return full || EMERGENCY_EVENTS.has(r.event);
    })
    .map((r) => ({
      at: r.at,
      event: r.event,
      sectionId: r.section_id,
      sectionTitle: r.section_id ? (visible.get(r.section_id) ?? null) : null,
      who: r.user_id ? nameOf(r.user_id) : UNKNOWN_USER,
      role: r.role,
      organisationId: r.organisation_id,
      organisation: organisationOf(r.organisation_id),
      onBehalfOf: r.on_behalf_of,
      // Other details (a search term, an email address) stay in the log; these are for everyone.
      // A detail is free text (an emergency's reason): one naming a section the reader cannot read is left out.
      detail: (EMERGENCY_EVENTS.has(r.event) || r.detail === 'noodtoegang') && r.detail !== null && !mentionsHidden(r.detail) ? r.detail : null,
    }));
  const grouped = oneEntryPerRead(oneEntryPerCopy(entries));
  const start = (query.page - 1) * AUDIT_PAGE_SIZE;
  return {
    scope: full ? 'volledig' : 'inzage',
    entries: grouped.slice(start, start + AUDIT_PAGE_SIZE),
    page: query.page,
    more: grouped.length > start + AUDIT_PAGE_SIZE,
    asOf,
  };
}

/**
 * Whether a text names a section the reader cannot read: its id or title, or the catalogue id or
 * title of a kind of section of which the reader can read none (`r-melder`, "Melder en bronnen").
 */
function hiddenNames(sections: readonly SectionInstance[], visible: ReadonlyMap<string, string>): (text: string) => boolean {
  const readableKinds = new Set(sections.filter((x) => visible.has(x.id)).map((x) => x.catalogueId));
  const names = new Set<string>();
  for (const section of sections) {
    if (visible.has(section.id)) continue;
    names.add(section.id).add(section.title);
    if (!readableKinds.has(section.catalogueId)) {
      names.add(section.catalogueId);
      const entry = CATALOGUE.find((e) => e.id === section.catalogueId);
      if (entry) names.add(entry.title);
    }
  }
  if (names.size === 0) return () => false;
  // As whole words ("plan" is not named by "veiligheidsplan"), case and accents aside.
  const alternatives = [...names].map((n) => fold(n).text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}-])`, 'u');
  return (text) => pattern.test(fold(text).text);
}
