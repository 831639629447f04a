import { type Keeper, may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import type { HoldChange } from '../../shared/retention.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { Directory } from '../directory/directory.ts';
import { DomainError } from '../domainError.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import type { ClosingStore } from '../store/caseSetupStore.ts';
import type { RetentionStore } from '../store/retentionStore.ts';

export interface HoldDeps {
  closing: ClosingStore;
  retention: RetentionStore;
  directory: Directory;
  audit: AuditLog;
  events: Pick<DomainEvents, 'publish'>;
}

/** Who sets or lifts a hold: the regisseur in the case, or a beheerder from outside it. */
type Holder = { userId: string; role: string | null; organisationId: string | null };

/**
 * A legal hold stops the destruction of a case, by the retention job and on the family's request
 * alike, until it is lifted (a court case, a complaint, an inquiry). Set and lifted with a written
 * reason, which is stored with the hold and not in the audit log (it may name people).
 */
async function setHold(d: HoldDeps, who: Holder, caseId: string, body: HoldChange): Promise<void> {
  const id = newId('hold');
  const added = await d.retention.setHold({ id, case_id: caseId, reason: body.reason, set_by: who.userId, set_at: new Date().toISOString() });
  if (!added) throw new DomainError('conflict', 'Op deze zaak ligt al een bewaarplicht.');
  await d.audit.record({ event: 'bewaarplicht-gezet', caseId, userId: who.userId, role: who.role, organisationId: who.organisationId, detail: JSON.stringify({ bewaarplicht: id }) });
  d.events.publish({ type: 'case-changed', caseId, what: 'status' });
}

async function liftHold(d: HoldDeps, who: Holder, caseId: string, body: HoldChange): Promise<void> {
  const id = await d.retention.liftHold(caseId, who.userId, body.reason, new Date().toISOString());
  if (!id) throw new DomainError('conflict', 'Op deze zaak ligt geen bewaarplicht.');
  await d.audit.record({ event: 'bewaarplicht-opgeheven', caseId, userId: who.userId, role: who.role, organisationId: who.organisationId, detail: JSON.stringify({ bewaarplicht: id }) });
  d.events.publish({ type: 'case-changed', caseId, what: 'status' });
}

/** The regisseur sets (`on`) or lifts a hold on her case. */
export async function holdAsRegisseur(d: HoldDeps, me: Participant, caseId: string, on: boolean, body: HoldChange): Promise<void> {
  const verdict = may(me, 'hold-case', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  const who = { userId: me.userId, role: me.role, organisationId: me.organisationId };
  await (on ? setHold(d, who, caseId, body) : liftHold(d, who, caseId, body));
}

/**
 * A beheerder sets or lifts a hold, for an organisation they keep (`organisationId`) whose
 * professionals take (or took) part in the case. Any other case, or one that does not exist, is
 * not found: a beheerder cannot probe case ids.
 */
export async function holdAsKeeper(d: HoldDeps, userId: string, organisationId: string, caseId: string, on: boolean, body: HoldChange): Promise<void> {
  const keeper: Keeper = { userId, keeps: await d.directory.keptBy(userId) };
  const own = may(keeper, 'set-retention-term', { organisationId });
  if (!own.ok) throw new DomainError('forbidden', own.reason);
  const involved = (await d.closing.record(caseId)) ? await d.retention.caseOrganisations(caseId) : [];
  const verdict = may(keeper, 'keep-hold', { organisations: involved.filter((o) => o === organisationId) });
  if (!verdict.ok) throw new DomainError('not_found', 'Deze zaak is niet gevonden bij jouw organisatie.');
  const who = { userId, role: 'beheerder', organisationId };
  await (on ? setHold(d, who, caseId, body) : liftHold(d, who, caseId, body));
}
