import type { Kysely } from 'kysely';
import { destroyAfter } from '../../shared/caseClosing.ts';
import type { CaseRetention } from '../../shared/retention.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import { destroyCaseRows } from '../store/caseDestructionStore.ts';
import { type DestroyedMailDeps, queueDestroyedMails, toldOfDestruction } from './destroyedMails.ts';
import type { ClosingStore } from '../store/caseSetupStore.ts';
import type { SqlStore } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import type { RetentionStore } from '../store/retentionStore.ts';

export interface RetentionDeps {
  sql: SqlStore;
  closing: ClosingStore;
  retention: RetentionStore;
  audit: AuditLog;
  events: Pick<DomainEvents, 'publish'>;
  /** The deployment's default term (`TAFEL_RETENTION_YEARS`). */
  defaultYears: number;
}

/**
 * The term that governs a case (shared/retention.ts): the longest of the organisations whose
 * professionals took part in it, each with its own term or else the default; the default when
 * none did. The organisation is named when its own term is the one that counts.
 */
export async function governingTerm(
  d: Pick<RetentionDeps, 'retention' | 'defaultYears'>,
  caseId: string,
  known?: Awaited<ReturnType<RetentionStore['terms']>>,
): Promise<{ years: number; organisationId: string | null; organisation: string | null }> {
  const [terms, involved] = await Promise.all([known ?? d.retention.terms(), d.retention.caseOrganisations(caseId)]);
  if (involved.length === 0) return { years: d.defaultYears, organisationId: null, organisation: null };
  const effective = involved.map((id) => ({ id, own: terms.get(id)?.years ?? null }));
  const years = Math.max(...effective.map((e) => e.own ?? d.defaultYears));
  // A default that is as long as the longest own term counts as the default: nobody chose it.
  const from = effective.some((e) => e.own === null && d.defaultYears === years) ? undefined : effective.find((e) => e.own === years);
  return { years, organisationId: from?.id ?? null, organisation: from ? (terms.get(from.id)?.name ?? from.id) : null };
}

/** The term of the case and its legal hold, as the case page shows them. */
export async function caseRetention(d: Pick<RetentionDeps, 'retention' | 'defaultYears'>, caseId: string, nameOf: (id: string) => string): Promise<CaseRetention> {
  const [term, hold] = await Promise.all([governingTerm(d, caseId), d.retention.activeHold(caseId)]);
  return { years: term.years, organisation: term.organisation, hold: hold ? { reason: hold.reason, by: nameOf(hold.set_by), at: hold.set_at } : null };
}

/** Closed cases past their own term at `now` and under no legal hold, oldest first. */
export async function dueForDestruction(d: Pick<RetentionDeps, 'closing' | 'retention' | 'defaultYears'>, now: Date): Promise<{ id: string; closedAt: string; years: number }[]> {
  const [held, terms] = await Promise.all([d.retention.heldCases(), d.retention.terms()]);
  const due = [];
  for (const c of await d.closing.closedBefore(now.toISOString())) {
    if (held.has(c.id)) continue;
    const { years } = await governingTerm(d, c.id, terms);
    if (destroyAfter(c.closedAt, years) <= now.toISOString()) due.push({ ...c, years });
  }
  return due;
}

/**
 * Destroys the whole case (every row that belongs to it, its documents' logs and snapshots) and
 * logs that it was, with why, never what it held; open sockets and streams re-check and end.
 * Null when a legal hold keeps it (checked in the same transaction). `first`: see `destroyCaseRows`.
 */
export async function destroyCase(
  d: Pick<RetentionDeps, 'sql' | 'audit' | 'events'>,
  caseId: string,
  why: Record<string, string | number>,
  first?: (trx: Kysely<Database>) => Promise<void>,
): Promise<number | null> {
  const removed = await destroyCaseRows(d.sql, caseId, first);
  if (!removed) return null;
  const rows = Object.values(removed).reduce((a, b) => a + b, 0);
  await d.audit.record({ event: 'zaak-vernietigd', caseId, detail: JSON.stringify({ ...why, rijen: rows }) });
  d.events.publish({ type: 'access-changed', caseId });
  return rows;
}

/**
 * The retention job: destroys every closed case past its own term at `now` (Jeugdwet art. 7.3.8)
 * that no legal hold keeps, whole. The audit log is kept for its own term. Whom a destruction on
 * request tells (`toldOfDestruction`) gets the same mail, queued in the transaction that destroys
 * the case; nobody's request was carried out, so it says no one asked. Returns what it destroyed.
 */
export async function destroyExpired(d: RetentionDeps & DestroyedMailDeps, now: Date): Promise<{ caseId: string; closedAt: string; years: number; rows: number }[]> {
  const destroyed = [];
  for (const c of await dueForDestruction(d, now)) {
    const told = new Map([...(await toldOfDestruction(d, c.id)).keys()].map((userId) => [userId, false]));
    let mails: string[] = [];
    const rows = await destroyCase(d, c.id, { grond: 'bewaartermijn', gesloten: c.closedAt.slice(0, 10), bewaartermijn: c.years }, async (trx) => {
      mails = await queueDestroyedMails(d, trx, told);
    });
    if (rows === null) continue;
    destroyed.push({ caseId: c.id, closedAt: c.closedAt, years: c.years, rows });
    // Sent now; what the SMTP server does not take, the queue's sweep of a running server sends later.
    await d.mail.retryDue(new Date(), mails).catch(() => 0);
  }
  return destroyed;
}
