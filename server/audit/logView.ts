import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditLogView, type AuditQuery } from '../../shared/api.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { may } from '../../shared/access/may.ts';
import type { Participant, SectionInstance } from '../../shared/caseModel.ts';
import { UNKNOWN_USER } from '../../shared/identity.ts';
import { CATALOGUE } from '../../shared/sections.ts';
import { readableAmong } from '../access/sectionAccess.ts';
import { fold } from '../search/fold.ts';
import type { Services } from '../services.ts';
import type { AuditEventName } from './auditLog.ts';
import { type AuditBounds, auditBounds } from './auditPeriod.ts';
import { oneEntryPerCopy } from './copyEntries.ts';
import { openUpTo, sealUpTo } from './logCursor.ts';
import { oneEntryPerRead } from './readEntries.ts';

/** Everyone in the case sees that emergency access was started or ended, and why. */
const EMERGENCY_EVENTS = new Set<string>(['noodtoegang', 'noodtoegang-beeindigd'] satisfies AuditEventName[]);
/** The person a section is about sees every change of who may read it (a consent, a legal ground, a grant). */
const ACCESS_EVENTS = new Set<string>(['toestemming-gegeven', 'toestemming-ingetrokken', 'toegang-gewijzigd'] satisfies AuditEventName[]);

/** Rows read at a time: a page of a long log needs a few batches, not the whole of it. */
const BATCH = 1000;
/**
 * How much later than a row's `at` the rows after it (in id order) may be stamped: `at` is taken
 * before the write is queued and by the clock of the process that wrote it. Generous, as it only
 * makes a page read a little further than it needs to.
 */
const STAMPED_EARLY_MS = 60 * 60_000;

type Row = Awaited<ReturnType<Services['audit']['inPeriod']>>[number];

/**
 * The case's audit log. The regisseur reads all of it; everyone else reads "who looked at my
 * file": views and copies (exports) of the sections, and emergency access with its reason. For
 * every reader, the regisseur too, an entry about a section is there only while the reader may
 * read that section (the one policy, `accessFor`), so a restricted section stays unnamed, and so
 * does the moment anyone opened it. What the reader did themselves is left out unless asked
 * (`own`). Rows are filtered first, then grouped, then paged, so every page counts and lists only
 * what this reader may see, however long the log is. The next pages read only the rows the first
 * one could (`upTo`, logCursor.ts), so nothing logged in between shifts or repeats an entry.
 *
 * The rows are read newest first in batches, and no further than the page needs: entries only
 * ever come after the ones before them (a row joins an entry already there, or starts the next),
 * so the read stops once there is one entry past the page and the page's entries are complete:
 * its oldest day of openings lies (well) after the last row read, and a group is one person's day.
 */
export async function logView(s: Pick<Services, 'audit' | 'cases' | 'directory' | 'secrets'>, me: Participant, caseId: string, query: AuditQuery): Promise<AuditLogView> {
  const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
  const visible = new Map<string, string>(readableAmong(me, caseId, sections, ctx).map((r) => [r.section.id, r.section.title]));
  const mentionsHidden = hiddenNames(sections, visible);
  const full = may(me, 'read-full-log', null).ok;
  const aboutMe = new Set<string>(sections.filter((x) => me.personId !== null && x.subjectPersonId === me.personId).map((x) => x.id));
  const shown = (r: Row) => {
    // About a section (also a section no longer in the case): only for who may read it now.
    if (r.section_id !== null) {
      const forReader = full || r.event === 'sectie-bekeken' || r.event === 'export' || (ACCESS_EVENTS.has(r.event) && aboutMe.has(r.section_id));
      return visible.has(r.section_id) && forReader;
    }
    return full || EMERGENCY_EVENTS.has(r.event);
  };
  const entryOf = async (rows: readonly Row[]): Promise<AuditEntry[]> => {
    const nameOf = await s.directory.namesOf(rows.flatMap((r) => r.user_id ?? []));
    const organisationOf = await s.directory.organisationNamesOf(rows.map((r) => r.organisation_id));
    return rows.map((r) => ({
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
  };

  const start = (query.page - 1) * AUDIT_PAGE_SIZE;
  const end = start + AUDIT_PAGE_SIZE;
  const period = auditBounds(query);
  const leavingOut = query.own ? null : me.userId;
  let upTo = query.upTo === undefined ? undefined : openUpTo(s.secrets, caseId, query.upTo);
  const entries: AuditEntry[] = [];
  let grouped: AuditEntry[] = [];
  for (let below: number | undefined; ; ) {
    const batch = await s.audit.inPeriod(caseId, period, leavingOut, { upTo, below }, BATCH);
    // The first batch's newest row is the newest the query could read: the next pages stop there.
    upTo ??= batch[0]?.id ?? 0;
    entries.push(...(await entryOf(batch.filter(shown))));
    grouped = oneEntryPerRead(oneEntryPerCopy(entries));
    const last = batch.at(-1);
    if (!last || batch.length < BATCH || (grouped.length > end && complete(grouped.slice(start, end), last.at))) break;
    below = last.id;
  }
  // An empty period says where the reader's entries before it are, read by the same rules.
  const empty = query.page === 1 && grouped.length === 0;
  return {
    scope: full ? 'volledig' : 'inzage',
    entries: grouped.slice(start, end),
    page: query.page,
    more: grouped.length > end,
    upTo: query.upTo ?? sealUpTo(s.secrets, caseId, upTo),
    earlier: empty && period.fromAt ? await monthBefore(s, caseId, { untilAt: period.fromAt }, leavingOut, shown) : null,
  };
}

/** How many batches the hint of an empty period reads at most (then it gives none). */
const EARLIER_BATCHES = 10;

/**
 * The Dutch month (`2026-11`) of the latest row before a period that `shown` lets through, or
 * null. The log as it is now (only page 1 asks, and rows before a period may be newer in the log
 * than the period's), read newest first in batches as the page is: once a batch's last row is
 * stamped more than {@link STAMPED_EARLY_MS} before the latest found, no row further on is later.
 */
async function monthBefore(s: Pick<Services, 'audit'>, caseId: string, before: AuditBounds, leavingOut: string | null, shown: (r: Row) => boolean): Promise<string | null> {
  let latest: string | null = null;
  // A reader who may see none of the rows would have the whole log read for a hint: stop at a bound.
  for (let below: number | undefined, batches = 0; batches < EARLIER_BATCHES; batches++) {
    const batch = await s.audit.inPeriod(caseId, before, leavingOut, { below }, BATCH);
    for (const r of batch) if (shown(r) && (latest === null || r.at > latest)) latest = r.at;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH || (latest !== null && Date.parse(last.at) + STAMPED_EARLY_MS <= Date.parse(latest))) break;
    below = last.id;
  }
  return latest === null ? null : dateInNetherlands(new Date(latest)).slice(0, 7);
}

/**
 * Whether no row after one stamped `lastAt` can still belong to these entries: only a day of
 * openings gathers rows from further on, and every row after it was stamped before that day began.
 */
function complete(page: readonly AuditEntry[], lastAt: string): boolean {
  const latestDayStillRead = dateInNetherlands(new Date(Date.parse(lastAt) + STAMPED_EARLY_MS));
  return page.every((e) => e.event !== 'sectie-bekeken' || e.sections === undefined || dateInNetherlands(new Date(e.at)) > latestDayStillRead);
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
