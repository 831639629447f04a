import { may } from '../../shared/access/may.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { type CaseRecord, type CloseCase, DEFAULT_RETENTION_YEARS, destroyAfter } from '../../shared/caseClosing.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { NameOf } from '../directory/names.ts';
import { DomainError } from '../domainError.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import type { SqlStore } from '../store/db.ts';
import type { ClosingStore } from '../store/caseSetupStore.ts';
import { RetentionStore } from '../store/retentionStore.ts';
import type { DestroyedMailDeps } from './destroyedMails.ts';
import { caseRetention, destroyExpired } from './retention.ts';

export interface ClosingDeps {
  closing: ClosingStore;
  retention: RetentionStore;
  /** The deployment's default term (`TAFEL_RETENTION_YEARS`). */
  defaultYears: number;
  audit: AuditLog;
  events: Pick<DomainEvents, 'publish'>;
  namesOf(ids: Iterable<string>): Promise<NameOf>;
}

/** Why the case started, whether it closed, and how long it is kept, for anyone in the case. */
export async function caseRecord(d: ClosingDeps, caseId: string): Promise<CaseRecord> {
  const row = await d.closing.record(caseId);
  if (!row) throw new DomainError('not_found', 'Niet gevonden.');
  const hold = await d.retention.activeHold(caseId);
  const name = await d.namesOf([row.closedBy ?? '', hold?.set_by ?? '']);
  const retention = await caseRetention(d, caseId, name);
  if (!row.closedAt) return { reason: row.reason, closed: null, retention };
  return { reason: row.reason, closed: { at: row.closedAt, by: name(row.closedBy ?? ''), reason: row.closeReason ?? '', destroyAfter: destroyAfter(row.closedAt, retention.years) }, retention };
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
  d.events.publish({ type: 'access-changed', caseId });
  d.events.publish({ type: 'case-changed', caseId, what: 'status' });
  return caseRecord(d, caseId);
}

/**
 * The retention job (server/cases/retention.ts): destroys every closed case past the term that
 * governs it at `now`, unless a legal hold keeps it. `years`: the default term.
 */
export async function destroyExpiredCases(
  d: { sql: SqlStore; closing: ClosingStore; audit: AuditLog; events: Pick<DomainEvents, 'publish'>; retention?: RetentionStore } & Omit<DestroyedMailDeps, 'retention'>,
  now: Date,
  years = DEFAULT_RETENTION_YEARS,
): Promise<{ caseId: string; closedAt: string; years: number; rows: number }[]> {
  return destroyExpired({ ...d, retention: d.retention ?? new RetentionStore(d.sql), defaultYears: years }, now);
}
