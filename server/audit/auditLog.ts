import type { SqlStore } from '../store/db.ts';
import type { AuditBounds } from './auditPeriod.ts';

/** NEN 7513 events Tafel logs. */
export type AuditEventName =
  | 'aanmelden'
  | 'aanmelden-mislukt'
  | 'tweede-factor-ingesteld'
  | 'afmelden'
  | 'sectie-bekeken'
  | 'sectie-bewerkt'
  | 'overzicht-bekeken'
  | 'tafel-bekeken'
  | 'thuis-bekeken'
  | 'zaken-bekeken'
  | 'toegang-gewijzigd'
  | 'toestemming-gegeven'
  | 'toestemming-ingetrokken'
  | 'uitnodiging'
  | 'deelnemer-verwijderd'
  | 'zaak-gestart'
  | 'persoon-toegevoegd'
  | 'persoon-gewijzigd'
  | 'persoon-verwijderd'
  | 'sectie-gearchiveerd'
  | 'directory-gewijzigd'
  | 'directory-verwijderd'
  | 'uitnodiging-ingetrokken'
  | 'uitnodiging-opnieuw'
  | 'zaak-gesloten'
  | 'zaak-vernietigd'
  | 'bewaartermijn-gewijzigd'
  | 'bewaarplicht-gezet'
  | 'bewaarplicht-opgeheven'
  | 'vernietigingsverzoek-ingediend'
  | 'vernietigingsverzoek-geweigerd'
  | 'vernietigingsverzoek-uitgevoerd'
  | 'export'
  | 'gezocht'
  | 'correctie-gevraagd'
  | 'correctie-beantwoord'
  | 'verwijdering-gevraagd'
  | 'verwijdering-beantwoord'
  | 'noodtoegang'
  | 'noodtoegang-beeindigd';

export interface AuditEvent {
  event: AuditEventName;
  caseId?: string | null;
  sectionId?: string | null;
  userId?: string | null;
  role?: string | null;
  organisationId?: string | null;
  onBehalfOf?: string | null;
  detail?: string | null;
}

/** Edits are logged once per person per section per window, not per keystroke. */
const EDIT_WINDOW_MS = 5 * 60_000;

export class AuditLog {
  private readonly lastEdit = new Map<string, number>();

  constructor(private readonly sql: SqlStore) {}

  /** Resolves once the event is committed; on SQLite written by the writer thread (see SqlStore.write). */
  async record(e: AuditEvent): Promise<void> {
    await this.sql.write([this.sql.db.insertInto('audit_events').values(row(e, new Date().toISOString()))]);
  }

  /** Records several events as one, at one moment and in one write (one copy of many sections). */
  async recordAll(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const at = new Date().toISOString();
    await this.sql.write([this.sql.db.insertInto('audit_events').values(events.map((e) => row(e, at)))]);
  }

  /** Records an edit unless the same person edited the same section within the window. */
  async recordEdit(e: Omit<AuditEvent, 'event'> & { caseId: string; sectionId: string; userId: string }, now = Date.now()): Promise<void> {
    const key = `${e.caseId}/${e.sectionId}/${e.userId}`;
    const last = this.lastEdit.get(key);
    if (last !== undefined && now - last < EDIT_WINDOW_MS) return;
    this.lastEdit.set(key, now);
    await this.record({ ...e, event: 'sectie-bewerkt' });
  }

  /**
   * Events of one case, newest first, optionally within a period (`fromAt` inclusive, `untilAt`
   * exclusive). Times are stored as ISO strings in UTC, so comparing the strings compares the times.
   */
  async forCase(caseId: string, limit = 500, period: AuditBounds = {}) {
    let q = this.sql.db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId);
    if (period.fromAt) q = q.where('at', '>=', period.fromAt);
    if (period.untilAt) q = q.where('at', '<', period.untilAt);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * Events of one case within a period, newest first by id, `limit` at a time: those with an id of
   * at most `upTo` and below `below` (the last one of the batch before), leaving out those of
   * `leavingOut` (the reader's own, unless asked). On SQLite one writer thread commits the rows in
   * the order of their ids, so a row with an id of at most `upTo` was there when `upTo` was read;
   * their `at` is stamped before the write is queued, so it is not in that order (see logView). On
   * PostgreSQL an id is taken as the insert runs, a moment before it commits, so only a row in
   * that moment can still come in under an `upTo` read meanwhile.
   */
  async inPeriod(caseId: string, period: AuditBounds, leavingOut: string | null, ids: { upTo?: number; below?: number }, limit: number) {
    let q = this.sql.db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId);
    if (ids.upTo !== undefined) q = q.where('id', '<=', ids.upTo);
    if (ids.below !== undefined) q = q.where('id', '<', ids.below);
    if (period.fromAt) q = q.where('at', '>=', period.fromAt);
    if (period.untilAt) q = q.where('at', '<', period.untilAt);
    if (leavingOut !== null) q = q.where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '!=', leavingOut)]));
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  /** When this person last logged this event in this case (null: never); the family's "since my last visit". */
  async lastAt(caseId: string, userId: string, event: AuditEventName): Promise<string | null> {
    const row = await this.sql.db
      .selectFrom('audit_events')
      .select('at')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .where('event', '=', event)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.at ?? null;
  }
}

function row(e: AuditEvent, at: string) {
  return {
    at,
    event: e.event,
    case_id: e.caseId ?? null,
    section_id: e.sectionId ?? null,
    user_id: e.userId ?? null,
    role: e.role ?? null,
    organisation_id: e.organisationId ?? null,
    on_behalf_of: e.onBehalfOf ?? null,
    detail: e.detail ?? null,
  };
}
