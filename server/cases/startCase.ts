import { may, type Viewer } from '../../shared/access/may.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import type { CaseStartOptions, StartCase } from '../../shared/caseStart.ts';
import type { Professional } from '../../shared/directory.ts';
import { newId } from '../../shared/ids.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { Directory } from '../directory/directory.ts';
import { DomainError } from '../domainError.ts';
import type { CaseSetupStore, PersonInsert } from '../store/caseSetupStore.ts';
import { STORED_KIND, sectionsForCase } from './caseSections.ts';

export interface CaseStartDeps {
  directory: Directory;
  setup: CaseSetupStore;
  audit: AuditLog;
}

const asViewer = (p: Professional): Viewer => ({ userId: p.userId, role: p.role, organisationId: p.organisationId, personId: null });

/**
 * The caller as the directory knows them, and whether they may start a case: a professional of
 * an organisation that starts cases (lokaal team, Veilig Thuis). Anyone else is refused (403).
 */
export async function mayStartCase(d: CaseStartDeps, userId: string): Promise<Professional> {
  const professional = await d.directory.professionalById(userId);
  const organisation = professional ? await d.directory.organisation(professional.organisationId) : undefined;
  const verdict = professional ? may(asViewer(professional), 'start-case', { organisationKind: organisation?.kind ?? null }) : { ok: false as const, reason: 'Een zaak starten doen professionals.' };
  if (!professional || !verdict.ok) throw new DomainError('forbidden', verdict.ok ? 'Een zaak starten doen professionals.' : verdict.reason);
  return professional;
}

/**
 * Who will direct the case: the caller when `may` lets them (a regisseur of a lokaal team);
 * otherwise (a Veilig Thuis professional) the lokaal-team regisseur they name, or nobody yet.
 */
async function directorOf(d: CaseStartDeps, caller: Professional, named: string | undefined): Promise<Professional | null> {
  const own = await d.directory.organisation(caller.organisationId);
  if (may(asViewer(caller), 'direct-case', { organisationKind: own?.kind ?? null }).ok) {
    if (named !== undefined && named !== caller.email) throw new DomainError('invalid', 'Je bent zelf de regisseur van deze zaak; noem geen ander.', 'regisseur');
    return caller;
  }
  if (named === undefined) return null;
  const regisseur = await d.directory.professionalByEmail(named);
  const organisation = regisseur ? await d.directory.organisation(regisseur.organisationId) : undefined;
  if (!regisseur || !may(asViewer(regisseur), 'direct-case', { organisationKind: organisation?.kind ?? null }).ok) {
    throw new DomainError('unknown', 'Dit e-mailadres is geen regisseur van een lokaal team in de directory.', 'regisseur');
  }
  return regisseur;
}

/**
 * Starts a case (DESIGN.md, Round 2 "Starting a case"): the case, its persons, its participants
 * and every section of the catalogue (per adult, per child, per organisation), in one transaction;
 * logged. `caller` is who `mayStartCase` let through; they take part in their directory role.
 */
export async function startCase(d: CaseStartDeps, caller: Professional, body: StartCase): Promise<{ id: string }> {
  const director = await directorOf(d, caller, body.regisseur);
  const now = new Date();
  const id = newId('zaak');
  const persons: PersonInsert[] = body.persons.map((p) => ({
    id: newId('p'),
    name: p.name,
    kind: STORED_KIND[p.kind],
    birth_date: p.birthDate ?? null,
    birth_year: p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
    relation: p.relation ?? null,
  }));
  const professionals = director && director !== caller ? [caller, director] : [caller];
  const organisationIds = [...new Set(professionals.map((p) => p.organisationId))];
  const organisations = await Promise.all(organisationIds.map(async (orgId) => ({ id: orgId, name: (await d.directory.organisation(orgId))?.name ?? orgId })));
  await d.setup.create({
    case: {
      id,
      title: body.title,
      region: body.region,
      status: 'actief',
      created_at: now.toISOString(),
      // The report arrives today; the deadlines of DOMAIN.md run from here.
      dates: JSON.stringify({ meldingOntvangen: dateInNetherlands(now) }),
      reason: body.reason ? body.reason : null,
      closed_at: null,
      closed_by: null,
      close_reason: null,
    },
    persons,
    participants: professionals.map((p) => ({ userId: p.userId, role: p.role, organisationId: p.organisationId })),
    sections: sectionsForCase(persons.map((p) => ({ id: p.id, name: p.name, kind: p.kind as 'ouder' | 'kind' | 'netwerk' })), organisations),
  });
  // Counts only: the log names no family member.
  const detail = JSON.stringify({ personen: persons.length, regisseur: director?.userId ?? null });
  await d.audit.record({ event: 'zaak-gestart', caseId: id, userId: caller.userId, role: caller.role, organisationId: caller.organisationId, detail });
  return { id };
}

/** What the "Nieuwe zaak" page needs to know: who asks (for `may`) and which regisseurs they may name. */
export async function caseStartOptions(d: CaseStartDeps, userId: string): Promise<CaseStartOptions> {
  const professional = await d.directory.professionalById(userId);
  if (!professional) return { professional: null, regisseurs: [] };
  const organisation = await d.directory.organisation(professional.organisationId);
  const me = { userId, role: professional.role, organisationId: professional.organisationId, organisationKind: organisation?.kind ?? null, region: organisation?.region ?? null };
  const viewer = asViewer(professional);
  if (!may(viewer, 'start-case', { organisationKind: me.organisationKind }).ok || may(viewer, 'direct-case', { organisationKind: me.organisationKind }).ok) return { professional: me, regisseurs: [] };
  // Regisseurs of the lokaal teams in the caller's region: the people a Veilig Thuis worker hands a case to.
  const teams = new Map((await d.directory.organisations()).filter((o) => o.kind === 'lokaal_team' && o.region === me.region).map((o) => [o.id as string, o.name]));
  const regisseurs = (await d.directory.professionals()).filter((p) => p.role === 'regisseur' && teams.has(p.organisationId));
  return { professional: me, regisseurs: regisseurs.map((p) => ({ email: p.email, name: p.name, organisation: teams.get(p.organisationId)! })) };
}
