import { describe, expect, it } from 'vitest';
import type { AccessGrant, AccessLevel, CaseAccessContext, Consent, Grantee, Participant, SectionInstance } from '../caseModel.ts';
import type { CaseId, OrganisationId, PersonId, SectionInstanceId, UserId } from '../ids.ts';
import type { Role } from '../roles.ts';
import type { CatalogueId } from '../sections.ts';
import { accessFor, type Viewer } from './accessFor.ts';
import { explainAccess } from './explain.ts';

const CASE = 'zaak-1' as CaseId;
const NOW = '2026-11-24T12:00:00.000Z';

const person = (userId: string, role: Role, organisationId: string, personId: string | null = null): Participant => ({
  caseId: CASE,
  userId: userId as UserId,
  name: userId,
  role,
  organisationId: organisationId as OrganisationId,
  personId: personId as PersonId | null,
});

const regisseur = person('regisseur', 'regisseur', 'lokaal-team');
const vt = person('vt', 'veilig_thuis', 'veilig-thuis');
const raad = person('raad', 'raad', 'raad');
const gi = person('gi', 'gi', 'gi-org');
const gw = person('gw', 'gedragswetenschapper', 'lokaal-team');
const moeder = person('moeder', 'ouder', 'gezin', 'p-sanne');
const vader = person('vader', 'ouder', 'gezin', 'p-murat');
const jeugdige = person('jeugdige', 'jeugdige', 'gezin', 'p-noa');
const oma = person('oma', 'netwerk', 'gezin', 'p-ria');
const PROFESSIONALS = [regisseur, vt, raad, gi, gw];
const FAMILY = [moeder, vader, jeugdige, oma];
const EVERYONE = [...PROFESSIONALS, ...FAMILY];

const section = (catalogueId: CatalogueId, extra: { id?: string; subjectPersonId?: string; ownerOrganisationId?: string } = {}): SectionInstance => ({
  id: (extra.id ?? catalogueId) as SectionInstanceId,
  caseId: CASE,
  catalogueId,
  subjectPersonId: (extra.subjectPersonId ?? null) as PersonId | null,
  ownerOrganisationId: (extra.ownerOrganisationId ?? null) as OrganisationId | null,
  title: catalogueId,
  status: 'concept',
});

const ggzMoeder = section('ggz', { id: 'ggz-sanne', subjectPersonId: 'p-sanne' });
const melder = section('r-melder');
const adres = section('r-adres');
const derden = section('r-derden');
const notesLokaalTeam = section('r-werkaantekeningen', { id: 'r-werkaantekeningen-lokaal-team', ownerOrganisationId: 'lokaal-team' });
const RESTRICTED = [melder, adres, derden, notesLokaalTeam];

let seq = 0;
const consent = (sec: SectionInstance, grantee: Grantee, extra: Partial<Consent> = {}): Consent => ({
  id: `tst-${++seq}`,
  caseId: CASE,
  sectionInstanceId: sec.id,
  basis: 'toestemming',
  grantee,
  reason: 'Zodat hij kan meedenken.',
  givenBy: moeder.userId,
  givenAt: '2026-11-01T10:00:00.000Z',
  until: null,
  withdrawnAt: null,
  ...extra,
});
const grant = (sec: SectionInstance, to: Participant, level: AccessLevel, grantedAt = '2026-11-10T10:00:00.000Z', reason = 'Nodig voor het plan.'): AccessGrant => ({
  id: `tgk-${++seq}`,
  caseId: CASE,
  sectionInstanceId: sec.id,
  userId: to.userId,
  level,
  reason,
  grantedBy: regisseur.userId,
  grantedAt,
});
const ctx = (extra: Partial<CaseAccessContext> = {}): CaseAccessContext => ({ consents: [], grants: [], now: NOW, ownRightsFrom: {}, ...extra });

const toVader: Grantee = { kind: 'person', personId: vader.personId! };
const toOuders: Grantee = { kind: 'role', role: 'ouder' };
const toGezin: Grantee = { kind: 'organisation', organisationId: 'gezin' as OrganisationId };
const level = (v: Viewer | null, s: SectionInstance, c = ctx()) => accessFor(v, s, c).level;

/** Everything a regisseur could do to open a section to everyone: consents of all kinds and edit grants. */
function everythingOpen(sec: SectionInstance): CaseAccessContext {
  return ctx({
    consents: [
      ...[toVader, toOuders, toGezin, { kind: 'role', role: 'jeugdige' } as Grantee, { kind: 'role', role: 'netwerk' } as Grantee].map((g) => consent(sec, g)),
      ...PROFESSIONALS.map((p) => consent(sec, { kind: 'organisation', organisationId: p.organisationId }, { basis: 'wettelijke_grond', givenBy: regisseur.userId })),
      ...(['regisseur', 'raad', 'gi', 'gedragswetenschapper'] as Role[]).map((role) => consent(sec, { kind: 'role', role }, { basis: 'wettelijke_grond', givenBy: vt.userId })),
    ],
    grants: EVERYONE.map((p) => grant(sec, p, 'edit', '2026-11-20T10:00:00.000Z')),
  });
}

describe('accessFor: legal locks nothing overrides', () => {
  it('somebody who is not in the case sees nothing', () => {
    expect(accessFor(null, section('plan'), ctx())).toEqual({ level: 'none', reasons: [{ kind: 'vergrendeld', reason: 'Geen deelnemer aan deze zaak.' }] });
  });

  it('r-melder is for Veilig Thuis only, even with consents and edit grants for everyone', () => {
    const open = everythingOpen(melder);
    expect(level(vt, melder, open)).toBe('edit');
    for (const p of EVERYONE.filter((x) => x !== vt)) {
      const d = accessFor(p, melder, open);
      expect(d.level, p.userId).toBe('none');
      expect(d.reasons, p.userId).toEqual([{ kind: 'vergrendeld', reason: expect.stringContaining('melder') }]);
    }
  });

  it('r-melder stays closed to a regisseur who grants himself edit', () => {
    expect(level(regisseur, melder, ctx({ grants: [grant(melder, regisseur, 'edit')] }))).toBe('none');
  });

  it.each(RESTRICTED.map((s) => [s.id, s] as const))('%s is never open to any family role, whatever was granted or consented', (_id, sec) => {
    const open = everythingOpen(sec);
    for (const p of FAMILY) {
      expect(level(p, sec), p.userId).toBe('none');
      const d = accessFor(p, sec, open);
      expect(d.level, p.userId).toBe('none');
      expect(d.reasons[0]?.kind).toBe('vergrendeld');
    }
  });

  it('r-adres about the mother stays closed to the father, and to herself, even with her own consent', () => {
    const adresMoeder = section('r-adres', { id: 'r-adres-sanne', subjectPersonId: 'p-sanne' });
    const c = ctx({ consents: [consent(adresMoeder, toVader)], grants: [grant(adresMoeder, vader, 'read')] });
    expect(level(vader, adresMoeder, c)).toBe('none');
    expect(level(moeder, adresMoeder, c)).toBe('none');
    expect(level(regisseur, adresMoeder, c)).toBe('edit');
  });

  it('r-adres and r-derden are open to the professionals by role', () => {
    for (const sec of [adres, derden]) {
      expect(PROFESSIONALS.map((p) => level(p, sec))).toEqual(['edit', 'edit', 'edit', 'edit', 'read']);
    }
  });

  it('r-werkaantekeningen are for the author organisation only, even for a regisseur of another organisation', () => {
    const notesVt = section('r-werkaantekeningen', { id: 'r-werkaantekeningen-vt', ownerOrganisationId: 'veilig-thuis' });
    expect(level(vt, notesVt)).toBe('edit');
    expect(level(regisseur, notesVt)).toBe('none');
    expect(level(regisseur, notesVt, everythingOpen(notesVt))).toBe('none');
    expect(level(raad, notesVt, everythingOpen(notesVt))).toBe('none');
    // Same organisation, other role: the gedragswetenschapper of the lokaal team reads its notes.
    expect(level(regisseur, notesLokaalTeam)).toBe('edit');
    expect(level(gw, notesLokaalTeam)).toBe('edit');
    expect(level(vt, notesLokaalTeam, everythingOpen(notesLokaalTeam))).toBe('none');
  });

  it('r-werkaantekeningen without an owner organisation are open to nobody', () => {
    const orphan = section('r-werkaantekeningen', { id: 'r-werkaantekeningen-x' });
    for (const p of EVERYONE) expect(level(p, orphan), p.userId).toBe('none');
  });
});

describe('accessFor: a young person of 16 or older decides about her own health section', () => {
  const healthNoa = section('gezondheid-jeugdige', { id: 'gezondheid-jeugdige-noa', subjectPersonId: 'p-noa' });
  const healthDaan = section('gezondheid-jeugdige', { id: 'gezondheid-jeugdige-daan', subjectPersonId: 'p-daan' });
  const sixteen = ctx({ ownRightsFrom: { 'p-noa': '2026-06-03T00:00:00.000Z', 'p-daan': '2034-02-01T00:00:00.000Z' } });

  it('before she turns 16 her parents have their role default', () => {
    const fifteen = ctx({ ownRightsFrom: { 'p-noa': '2026-11-25T00:00:00.000Z' } });
    expect([moeder, vader].map((p) => level(p, healthNoa, fifteen))).toEqual(['comment', 'comment']);
  });

  it('from her 16th birthday her parents and the network see nothing without her consent, and are told why', () => {
    for (const p of [moeder, vader, oma]) {
      expect(accessFor(p, healthNoa, sixteen), p.userId).toEqual({ level: 'none', reasons: [{ kind: 'vergrendeld', reason: 'Vanaf 16 jaar beslist de jongere zelf wie dit mag lezen.' }] });
    }
  });

  it('she keeps her own level, professionals keep theirs, and her younger brother’s section is unchanged', () => {
    expect(accessFor(jeugdige, healthNoa, sixteen)).toEqual({ level: 'comment', reasons: [{ kind: 'eigen' }] });
    expect(PROFESSIONALS.map((p) => level(p, healthNoa, sixteen))).toEqual(PROFESSIONALS.map((p) => level(p, healthNoa)));
    expect(level(moeder, healthDaan, sixteen)).toBe('comment');
  });

  it('with her consent her mother has what a parent has before 16, her father still nothing', () => {
    const c = ctx({ ...sixteen, consents: [consent(healthNoa, { kind: 'person', personId: 'p-sanne' as never }, { givenBy: jeugdige.userId, reason: 'Mama mag het weten.' })] });
    expect(accessFor(moeder, healthNoa, c)).toEqual({ level: 'comment', reasons: [{ kind: 'rol' }, { kind: 'toestemming', givenBy: 'jeugdige', reason: 'Mama mag het weten.' }] });
    expect(level(vader, healthNoa, c)).toBe('none');
  });

  it('a grant by the regisseur does not open it to a parent without her consent', () => {
    expect(level(moeder, healthNoa, ctx({ ...sixteen, grants: [grant(healthNoa, moeder, 'read')] }))).toBe('none');
  });
});

describe('accessFor: per-person sections (ggz)', () => {
  it('the subject has comment on their own section, with reason "eigen"', () => {
    expect(accessFor(moeder, ggzMoeder, ctx())).toEqual({ level: 'comment', reasons: [{ kind: 'eigen' }] });
  });

  it('the other parent, the child and the network see nothing by default', () => {
    for (const p of [vader, jeugdige, oma]) {
      const d = accessFor(p, ggzMoeder, ctx());
      expect(d.level, p.userId).toBe('none');
      expect(d.reasons[0]?.kind).toBe('vergrendeld');
    }
  });

  it('professionals have their role default', () => {
    expect(PROFESSIONALS.map((p) => level(p, ggzMoeder))).toEqual(['edit', 'read', 'read', 'edit', 'comment']);
  });

  it.each<[string, Grantee]>([
    ['the person', toVader],
    ['the role ouder', toOuders],
    ['the organisation gezin', toGezin],
  ])('consent of the subject to %s lets the father read, and says whose consent it is', (_name, grantee) => {
    const c = consent(ggzMoeder, grantee, { reason: 'Hij mag meelezen.' });
    const d = accessFor(vader, ggzMoeder, ctx({ consents: [c] }));
    expect(d.level).toBe('read');
    expect(d.reasons).toEqual([{ kind: 'toestemming', givenBy: 'moeder', reason: 'Hij mag meelezen.' }]);
  });

  it('consent to the father does not open the section to the child or grandmother', () => {
    const c = ctx({ consents: [consent(ggzMoeder, toVader)] });
    expect(level(jeugdige, ggzMoeder, c)).toBe('none');
    expect(level(oma, ggzMoeder, c)).toBe('none');
  });

  it('consent for one section does not open another section of the same kind', () => {
    const ggzVader = section('ggz', { id: 'ggz-murat', subjectPersonId: 'p-murat' });
    const c = ctx({ consents: [consent(ggzVader, { kind: 'person', personId: moeder.personId! }, { givenBy: vader.userId })] });
    expect(level(moeder, ggzVader, c)).toBe('read');
    expect(level(vader, ggzMoeder, c)).toBe('none');
  });

  it('consent never lowers: the subject and an editing professional keep their level', () => {
    const c = ctx({ consents: [consent(ggzMoeder, toOuders), consent(ggzMoeder, { kind: 'role', role: 'regisseur' })] });
    expect(level(moeder, ggzMoeder, c)).toBe('comment');
    expect(level(regisseur, ggzMoeder, c)).toBe('edit');
  });

  it.each<[string, Partial<Consent>]>([
    ['withdrawn', { withdrawnAt: '2026-11-20T09:00:00.000Z' }],
    ['expired a day ago', { until: '2026-11-23T12:00:00.000Z' }],
    ['ending at this very moment', { until: NOW }],
    ['ending at this very second, written without milliseconds', { until: '2026-11-24T12:00:00Z' }],
    ['with an unreadable end date', { until: 'volgende week' }],
  ])('consent %s no longer opens the section', (_name, extra) => {
    const d = accessFor(vader, ggzMoeder, ctx({ consents: [consent(ggzMoeder, toVader, extra)] }));
    expect(d.level).toBe('none');
    expect(d.reasons.some((r) => r.kind === 'toestemming')).toBe(false);
  });

  it('a consent that runs until later still opens the section, and stops once the clock passes it', () => {
    const c = consent(ggzMoeder, toVader, { until: '2026-12-01T00:00:00Z' });
    expect(level(vader, ggzMoeder, ctx({ consents: [c] }))).toBe('read');
    expect(level(vader, ggzMoeder, ctx({ consents: [c], now: '2026-12-01T00:00:00.001Z' }))).toBe('none');
  });

  it('a withdrawn consent next to an active one: the active one counts', () => {
    const c = ctx({ consents: [consent(ggzMoeder, toVader, { withdrawnAt: '2026-11-02T10:00:00.000Z' }), consent(ggzMoeder, toOuders)] });
    expect(level(vader, ggzMoeder, c)).toBe('read');
  });

  it('a legal ground written down by a professional opens the section for another professional', () => {
    const grond = consent(ggzMoeder, { kind: 'role', role: 'gedragswetenschapper' }, { basis: 'wettelijke_grond', givenBy: vt.userId, reason: 'Jeugdwet art. 7.3.11' });
    const d = accessFor(gw, ggzMoeder, ctx({ consents: [grond] }));
    expect(d.level).toBe('comment');
    expect(d.reasons).toEqual([{ kind: 'rol' }, { kind: 'wettelijke_grond', reason: 'Jeugdwet art. 7.3.11' }]);
  });
});

describe('accessFor: grants and revocations by the regisseur', () => {
  const plan = section('plan');

  it('a grant raises a level and a revocation lowers it, each with its reason', () => {
    expect(accessFor(oma, plan, ctx({ grants: [grant(plan, oma, 'comment', undefined, 'Oma helpt mee.')] }))).toEqual({
      level: 'comment',
      reasons: [{ kind: 'toekenning', reason: 'Oma helpt mee.' }],
    });
    expect(accessFor(gi, plan, ctx({ grants: [grant(plan, gi, 'none', undefined, 'Niet meer betrokken.')] }))).toEqual({
      level: 'none',
      reasons: [{ kind: 'intrekking', reason: 'Niet meer betrokken.' }],
    });
  });

  it('the latest grant wins, whatever the order in the list', () => {
    const early = grant(plan, oma, 'comment', '2026-11-01T10:00:00.000Z');
    const late = grant(plan, oma, 'none', '2026-11-15T10:00:00.000Z');
    expect(level(oma, plan, ctx({ grants: [early, late] }))).toBe('none');
    expect(level(oma, plan, ctx({ grants: [late, early] }))).toBe('none');
    const reopened = grant(plan, oma, 'read', '2026-11-20T10:00:00.000Z');
    expect(level(oma, plan, ctx({ grants: [reopened, late, early] }))).toBe('read');
  });

  it('a grant applies to one user and one section only', () => {
    const c = ctx({ grants: [grant(plan, oma, 'edit')] });
    expect(level(oma, section('evaluatie'), c)).toBe('none');
    expect(level(jeugdige, plan, c)).toBe('comment');
  });

  it('a revocation beats consent and legal ground', () => {
    const c = ctx({ consents: [consent(ggzMoeder, toOuders)], grants: [grant(ggzMoeder, vader, 'none', undefined, 'Op verzoek van moeder.')] });
    expect(level(vader, ggzMoeder, c)).toBe('none');
  });

  it('a grant does not open the other parent\u2019s private section without consent or legal ground', () => {
    const d = accessFor(vader, ggzMoeder, ctx({ grants: [grant(ggzMoeder, vader, 'edit')] }));
    expect(d.level).toBe('none');
    expect(d.reasons[0]?.kind).toBe('vergrendeld');
  });

  it('with the subject\u2019s consent a grant can raise the other parent further', () => {
    expect(level(vader, ggzMoeder, ctx({ consents: [consent(ggzMoeder, toVader)], grants: [grant(ggzMoeder, vader, 'comment')] }))).toBe('comment');
  });
});

describe('accessFor: role defaults', () => {
  it.each<[CatalogueId, AccessLevel[]]>([
    ['besluit', ['read', 'read', 'edit', 'read', 'comment', 'read', 'read', 'read', 'none']],
    ['veiligheidsplan', ['edit', 'edit', 'read', 'edit', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['reactie-gezin', ['read', 'read', 'read', 'read', 'read', 'edit', 'edit', 'edit', 'none']],
    ['financien', ['edit', 'read', 'read', 'edit', 'comment', 'comment', 'comment', 'none', 'none']],
  ])('%s by role (regisseur, vt, raad, gi, gw, moeder, vader, jeugdige, oma)', (id, expected) => {
    const d = EVERYONE.map((p) => accessFor(p, section(id), ctx()));
    expect(d.map((x) => x.level)).toEqual(expected);
    for (const x of d.filter((x) => x.level !== 'none')) expect(x.reasons).toEqual([{ kind: 'rol' }]);
  });
});

describe('explainAccess', () => {
  const names: Record<string, string> = { moeder: 'Sanne de Groot', vader: 'Murat Yilmaz' };
  const nameOf = (id: string) => names[id] ?? id;

  it('names who gave consent, in Dutch', () => {
    const d = accessFor(vader, ggzMoeder, ctx({ consents: [consent(ggzMoeder, toVader)] }));
    expect(explainAccess(d, vader.role, nameOf)).toBe('toestemming van Sanne de Groot');
  });

  it('explains role, legal ground, grant and lock in plain words', () => {
    const grond = consent(ggzMoeder, { kind: 'role', role: 'raad' }, { basis: 'wettelijke_grond', reason: 'Raadsonderzoek' });
    expect(explainAccess(accessFor(raad, ggzMoeder, ctx({ consents: [grond] })), 'raad', nameOf)).toBe(
      'rol: Raad voor de Kinderbescherming; wettelijke grond: Raadsonderzoek',
    );
    expect(explainAccess(accessFor(moeder, ggzMoeder, ctx()), 'ouder', nameOf)).toBe('gaat over jezelf');
    expect(explainAccess(accessFor(oma, section('plan'), ctx({ grants: [grant(section('plan'), oma, 'read', undefined, 'Oma helpt mee.')] })), 'netwerk', nameOf)).toBe(
      'toegekend door de regisseur: Oma helpt mee.',
    );
    expect(explainAccess(accessFor(moeder, melder, ctx()), 'ouder', nameOf)).toMatch(/^vergrendeld: Identiteit van de melder/);
  });
});

describe('accessFor: emergency access (noodtoegang)', () => {
  const crisis: Participant = {
    ...person('crisis', 'veilig_thuis', 'veilig-thuis'),
    emergency: { id: 'nood-1', reason: 'Politie belde: ruzie thuis, kinderen mogelijk niet veilig.', startedAt: '2026-11-24T11:00:00.000Z', until: '2026-11-24T15:00:00.000Z' },
  };

  it('reads the safety sections, and nothing it could write in', () => {
    for (const id of ['aanleiding', 'gezin', 'huiselijk-geweld', 'zorgen-krachten', 'veiligheidsplan', 'plan', 'besluit', 'r-adres'] as const) {
      expect(accessFor(crisis, section(id), ctx())).toEqual({
        level: 'read',
        reasons: [{ kind: 'noodtoegang', reason: crisis.emergency!.reason, until: crisis.emergency!.until }],
      });
    }
    expect(accessFor(crisis, section('gezondheid-jeugdige', { id: 'gezondheid-noa', subjectPersonId: 'p-noa' }), ctx()).level).toBe('read');
  });

  it('does not read what a crisis does not need, whatever its role would give', () => {
    // A Veilig Thuis participant edits these and reads the melder; under emergency access none of it.
    for (const sec of [melder, derden, ggzMoeder, section('financien'), section('stem-jeugdige'), section('r-werkaantekeningen', { id: 'notes-vt', ownerOrganisationId: 'veilig-thuis' })]) {
      expect(accessFor(crisis, sec, ctx()).level, sec.id).toBe('none');
    }
  });

  it('ends by itself, and consents or grants do not widen it', () => {
    const later = ctx({ now: '2026-11-24T15:00:00.001Z' });
    expect(accessFor(crisis, section('veiligheidsplan'), later)).toEqual({ level: 'none', reasons: [{ kind: 'vergrendeld', reason: 'De noodtoegang is voorbij.' }] });
    const toVt = consent(ggzMoeder, { kind: 'role', role: 'veilig_thuis' });
    expect(accessFor(crisis, ggzMoeder, ctx({ consents: [toVt] })).level).toBe('none');
    expect(accessFor(crisis, section('plan'), ctx({ grants: [grant(section('plan'), crisis, 'edit')] })).level).toBe('read');
  });

  it('is explained with its end and reason', () => {
    expect(explainAccess(accessFor(crisis, section('plan'), ctx()), 'veilig_thuis', (id) => id)).toMatch(/^noodtoegang tot 24 nov\.?,? 16:00: Politie belde/);
  });
});
