import { type Keeper, may } from '../../shared/access/may.ts';
import type { KeptDirectory, NewProfessional, ProfessionalChange } from '../../shared/directoryApi.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { DomainError } from '../domainError.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import type { SqlStore } from '../store/db.ts';
import { contactDetailsOf, setContactDetails } from './contactDetails.ts';
import type { Directory } from './directory.ts';
import { endAccess } from './offboarding.ts';

export interface KeepingDeps {
  sql: SqlStore;
  directory: Directory;
  audit: AuditLog;
  events: Pick<DomainEvents, 'publish'>;
}

/**
 * What an organisation's beheerder does to its own part of the directory: add a professional,
 * correct their name or role, take them out. Each command checks `may`, writes, logs and tells
 * open connections, in that order; a refusal is a `DomainError`.
 */
const keeper = async (d: KeepingDeps, userId: string): Promise<Keeper> => ({ userId, keeps: await d.directory.keptBy(userId) });

/** The organisations the caller keeps, with their professionals (empty when they keep none). */
export async function keptDirectory(d: KeepingDeps, userId: string): Promise<KeptDirectory> {
  const { keeps } = await keeper(d, userId);
  const organisations = [];
  for (const id of keeps) {
    const org = await d.directory.organisation(id);
    if (!org) continue;
    const kept = await d.directory.professionalsOf(id);
    const contacts = await contactDetailsOf(d.sql, kept.map((p) => p.userId));
    const professionals = kept.map(({ userId: u, email, name, role }) => ({ userId: u, email, name, role, contact: contacts.get(u) ?? null }));
    organisations.push({ ...org, professionals });
  }
  return { organisations };
}

/** Refuses an organisation the caller does not keep (403), before anything about it is looked up. */
function mayKeep(k: Keeper, organisationId: string): void {
  const verdict = may(k, 'keep-directory', { organisationId });
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
}

/** A professional of this organisation, or 404: one of another organisation is not found here. */
async function ownProfessional(d: KeepingDeps, organisationId: string, userId: string) {
  const professional = await d.directory.professionalById(userId);
  if (professional?.organisationId !== organisationId) throw new DomainError('not_found', 'Deze professional staat niet in de directory van je organisatie.');
  return professional;
}

/** Re-checks the open sockets of every case the account is in: its role there follows the directory. */
async function announceCasesOf(d: KeepingDeps, userId: string): Promise<void> {
  const cases = await d.sql.db.selectFrom('participants').select('case_id').distinct().where('user_id', '=', userId).where('removed_at', 'is', null).execute();
  for (const c of cases) d.events.publish({ type: 'access-changed', caseId: c.case_id });
}

/**
 * Puts a professional in the organisation's directory. A new account gets a one-time password,
 * returned once; an account that exists must already be this organisation's (nobody takes over
 * a parent's account or another organisation's professional).
 */
export async function addProfessional(d: KeepingDeps, by: string, organisationId: string, body: NewProfessional): Promise<{ userId: string; password: string | null }> {
  const k = await keeper(d, by);
  mayKeep(k, organisationId);
  const existing = await d.directory.accountByEmail(body.email);
  const verdict = may(k, 'keep-directory', { organisationId, ...(existing ? { account: { organisationId: existing.organisationId, professional: existing.role !== null } } : {}) });
  if (!verdict.ok) throw new DomainError('conflict', verdict.reason, 'email');
  const { userId, password } = await d.directory.ensureAccount(body.email, body.name);
  if (existing) await d.directory.rename(userId, body.name);
  await d.directory.setProfessional(userId, body.role, organisationId);
  await d.audit.record({ event: 'directory-gewijzigd', userId: by, organisationId, detail: JSON.stringify({ account: userId, rol: body.role, organisatie: organisationId, nieuw: password !== null }) });
  if (existing) await announceCasesOf(d, userId);
  return { userId, password };
}

/**
 * Corrects a professional's name, e-mail address, role or contact details. A new role counts at
 * once in every case they are in; a new address must not be another account's, and ends the
 * account's sessions. The log says what changed, never the address or the number.
 */
export async function changeProfessional(d: KeepingDeps, by: string, organisationId: string, userId: string, change: ProfessionalChange): Promise<void> {
  mayKeep(await keeper(d, by), organisationId);
  const professional = await ownProfessional(d, organisationId, userId);
  const newEmail = change.email !== undefined && change.email !== professional.email ? change.email : undefined;
  if (newEmail !== undefined && (await d.directory.accountByEmail(newEmail))) throw new DomainError('conflict', 'Dit e-mailadres hoort al bij een ander account.', 'email');
  const newRole = change.role !== undefined && change.role !== professional.role ? change.role : undefined;
  if (change.name !== undefined) await d.directory.rename(userId, change.name);
  if (newEmail !== undefined) await d.directory.setEmail(userId, newEmail);
  if (newRole !== undefined) await d.directory.setProfessional(userId, newRole, organisationId);
  if (change.contact !== undefined) await setContactDetails(d.sql, userId, change.contact);
  // Whoever signed in under the old address signs in again under the new one.
  const ended = newEmail !== undefined ? await endAccess(d.sql, d.events, userId) : null;
  const changed = {
    ...(change.role ? { rol: change.role } : {}),
    ...(change.name ? { naam: 'gewijzigd' } : {}),
    ...(ended ? { email: 'gewijzigd', sessies: ended.sessions } : {}),
    ...(change.contact !== undefined ? { contact: change.contact ? 'gewijzigd' : 'verwijderd' } : {}),
  };
  await d.audit.record({ event: 'directory-gewijzigd', userId: by, organisationId, detail: JSON.stringify({ account: userId, ...changed }) });
  if (newRole !== undefined && !ended) await announceCasesOf(d, userId);
}

/**
 * Takes a professional out of the directory: they are a professional in no case any more, their
 * sessions end and their open sections close, on every server process. Logged.
 */
export async function removeProfessional(d: KeepingDeps, by: string, organisationId: string, userId: string): Promise<void> {
  mayKeep(await keeper(d, by), organisationId);
  if (userId === by) throw new DomainError('invalid', 'Je kunt jezelf niet uit de directory halen; vraag een andere beheerder.', 'userId');
  const professional = await ownProfessional(d, organisationId, userId);
  await d.directory.removeProfessional(userId);
  await d.directory.setKeeper(userId, organisationId, false);
  await setContactDetails(d.sql, userId, null);
  const ended = await endAccess(d.sql, d.events, userId);
  await d.audit.record({
    event: 'directory-verwijderd',
    userId: by,
    role: professional.role,
    organisationId,
    detail: JSON.stringify({ account: userId, sessies: ended.sessions, zaken: ended.cases }),
  });
}
