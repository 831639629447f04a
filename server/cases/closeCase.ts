import { may } from '../../shared/access/may.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { type CaseRecord, type CloseCase, DEFAULT_RETENTION_YEARS, destroyAfter } from '../../shared/caseClosing.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { NameOf } from '../directory/names.ts';
import { DomainError } from '../domainError.ts';
import type { Fanout } from '../fanout/fanout.ts';
import type { SqlStore } from '../store/db.ts';
import { destroyCaseRows } from '../store/caseDestructionStore.ts';
import type { ClosingStore } from '../store/caseSetupStore.ts';

export interface ClosingDeps {
  closing: ClosingStore;
  audit: AuditLog;
  fanout: Pick<Fanout, 'control'>;
  namesOf(ids: Iterable<string>): Promise<NameOf>;
}

/** Why the case started and whether it closed, for anyone in the case. */
export async function caseRecord(d: ClosingDeps, caseId: string): Promise<CaseRecord> {
  const row = await d.closing.record(caseId);
  if (!row) throw new DomainError('not_found', 'Niet gevonden.');
  if (!row.closedAt) return { reason: row.reason, closed: null };
  const name = await d.namesOf([row.closedBy ?? '']);
  return { reason: row.reason, closed: { at: row.closedAt, by: name(row.closedBy ?? ''), reason: row.closeReason ?? '', destroyAfter: destroyAfter(row.closedAt) } };
}

/**
 * Closes the case, by the regisseur: from then on it is read only for everyone, at the wire too
 * (its sections are archived, so open sockets drop to `read` and a write closes with 4409).
 * Its retention term runs from the closing day. Logged.
 */
export async function closeCase(d: ClosingDeps, me: Participant, caseId: string, body: CloseCase): Promise<CaseRecord> {
  const verdict = may(me, 'close-case', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  const row = await d.closing.record(caseId);
  if (!row) throw new DomainError('not_found', 'Niet gevonden.');
  if (row.closedAt) throw new DomainError('conflict', 'Deze zaak is al gesloten.');
  const today = dateInNetherlands(new Date());
  const day = body.date ?? today;
  if (day > today) throw new DomainError('invalid', 'De datum van sluiten kan niet in de toekomst liggen.', 'date');
  if (day < row.createdAt.slice(0, 10)) throw new DomainError('invalid', 'De zaak kan niet sluiten voordat ze begon.', 'date');
  const closedAt = day === today ? new Date().toISOString() : `${day}T12:00:00.000Z`;
  if (!(await d.closing.close(caseId, me.userId, body.reason, closedAt))) throw new DomainError('conflict', 'Deze zaak is al gesloten.');
  await d.audit.record({ event: 'zaak-gesloten', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ datum: day }) });
  d.fanout.control({ type: 'access-changed', caseId });
  d.fanout.control({ type: 'case-changed', caseId, what: 'status' });
  return caseRecord(d, caseId);
}

/**
 * The retention job: destroys every case closed more than `years` ago at `now` (Jeugdwet art.
 * 7.3.8), whole, and logs each destruction (the audit log itself is kept for its own term).
 * Returns the cases destroyed.
 */
export async function destroyExpiredCases(
  d: { sql: SqlStore; closing: ClosingStore; audit: AuditLog; fanout: Pick<Fanout, 'control'> },
  now: Date,
  years = DEFAULT_RETENTION_YEARS,
): Promise<{ caseId: string; closedAt: string; rows: number }[]> {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const destroyed = [];
  for (const c of await d.closing.closedBefore(cutoff.toISOString())) {
    const removed = await destroyCaseRows(d.sql, c.id);
    const rows = Object.values(removed).reduce((a, b) => a + b, 0);
    await d.audit.record({ event: 'zaak-vernietigd', caseId: c.id, detail: JSON.stringify({ gesloten: c.closedAt.slice(0, 10), bewaartermijn: years, rijen: rows }) });
    d.fanout.control({ type: 'access-changed', caseId: c.id });
    destroyed.push({ caseId: c.id, closedAt: c.closedAt, rows });
  }
  return destroyed;
}
