import { describe, expect, it } from 'vitest';
import { type Grantee, Grantee as GranteeSchema, type SectionInstance } from '../caseModel.ts';
import { Role } from '../roles.ts';
import { type MayTargets, may, type Viewer } from './may.ts';

const as = (role: Role, personId: string | null = null): Viewer =>
  ({ userId: `u-${role}`, role, organisationId: role === 'ouder' ? 'gezin' : `org-${role}`, personId }) as Viewer;
const ggzVader = { id: 'ggz-murat', caseId: 'c', catalogueId: 'ggz', subjectPersonId: 'p-murat', ownerOrganisationId: null, title: 'GGZ', status: 'concept' } as unknown as SectionInstance;
const plan = { ...ggzVader, id: 'plan', catalogueId: 'plan', subjectPersonId: null } as unknown as SectionInstance;
const REASON = 'Artikel 7.3.11 Jeugdwet: nodig voor de veiligheid van Noa en Daan.';
const role = (r: Role): Grantee => ({ kind: 'role', role: r }) as Grantee;

describe('may: status moves', () => {
  it('only the gedragswetenschapper approves, only the regisseur shares and fixes', () => {
    expect(may(as('gedragswetenschapper'), 'move-status', { from: 'review', to: 'goedgekeurd', level: 'comment' })).toEqual({ ok: true });
    expect(may(as('regisseur'), 'move-status', { from: 'review', to: 'goedgekeurd', level: 'edit' })).toEqual({ ok: false, reason: 'Alleen de gedragswetenschapper keurt goed.' });
    expect(may(as('regisseur'), 'move-status', { from: 'goedgekeurd', to: 'gedeeld', level: 'edit' }).ok).toBe(true);
    expect(may(as('gi'), 'move-status', { from: 'gedeeld', to: 'vastgesteld', level: 'edit' })).toEqual({ ok: false, reason: 'Alleen de regisseur stelt vast.' });
    expect(may(as('ouder'), 'move-status', { from: 'concept', to: 'review', level: 'edit' })).toEqual({ ok: false, reason: 'Alleen professionals veranderen de status.' });
    expect(may(as('gedragswetenschapper'), 'move-status', { from: 'concept', to: 'goedgekeurd', level: 'comment' }).ok).toBe(false);
  });
});

describe('may: a legal ground', () => {
  it('the regisseur and the organisations with a legal task record one that opens a GGZ section to a professional', () => {
    for (const r of ['regisseur', 'veilig_thuis', 'raad', 'gi'] as const) {
      expect(may(as(r), 'record-legal-ground', { section: ggzVader, grantee: role('gi'), reason: REASON }).ok).toBe(true);
    }
  });

  it('never opens the section to another family member or the network', () => {
    expect(may(as('raad'), 'record-legal-ground', { section: ggzVader, grantee: role('ouder'), reason: REASON }).ok).toBe(false);
    expect(may(as('gi'), 'record-legal-ground', { section: ggzVader, grantee: role('netwerk'), reason: REASON }).ok).toBe(false);
    expect(may(as('regisseur'), 'record-legal-ground', { section: ggzVader, grantee: { kind: 'person', personId: 'p-sanne' } as Grantee, reason: REASON }).ok).toBe(false);
  });

  it('is not for the gedragswetenschapper or the family, and needs a sentence', () => {
    expect(may(as('gedragswetenschapper'), 'record-legal-ground', { section: ggzVader, grantee: role('gi'), reason: REASON }).ok).toBe(false);
    expect(may(as('ouder', 'p-sanne'), 'record-legal-ground', { section: ggzVader, grantee: role('gi'), reason: REASON }).ok).toBe(false);
    expect(may(as('regisseur'), 'record-legal-ground', { section: ggzVader, grantee: role('gi'), reason: 'wet' }).ok).toBe(false);
    expect(may(as('regisseur'), 'record-legal-ground', { section: plan, grantee: role('gi'), reason: REASON }).ok).toBe(false);
  });
});

describe('may: blocks with authority', () => {
  it('a condition is set by Veilig Thuis, the Raad or the GI; the decision by the Raad', () => {
    for (const r of ['veilig_thuis', 'raad', 'gi'] as const) expect(may(as(r), 'write-block', { block: 'veiligheidsvoorwaarde' }).ok).toBe(true);
    for (const r of ['regisseur', 'ouder', 'gedragswetenschapper'] as const) expect(may(as(r), 'write-block', { block: 'veiligheidsvoorwaarde' }).ok).toBe(false);
    expect(may(as('raad'), 'write-block', { block: 'besluit' }).ok).toBe(true);
    expect(may(as('regisseur'), 'write-block', { block: 'besluit' }).ok).toBe(false);
    expect(may(as('ouder'), 'write-block', { block: 'afspraak' }).ok).toBe(true);
  });

  it('under emergency access nothing is written', () => {
    const crisis = { ...as('veilig_thuis'), emergency: { id: 'n', reason: 'r', startedAt: '', until: '' } } as Viewer;
    expect(may(crisis, 'write-block', { block: 'veiligheidsvoorwaarde' }).ok).toBe(false);
    expect(may(crisis, 'end-emergency', { own: true }).ok).toBe(true);
  });
});

describe('may: confirming an agreement', () => {
  it('only a party named in it confirms, whatever the role', () => {
    const parties = [{ userId: 'u-ouder' }, { userId: null }];
    expect(may(as('ouder'), 'confirm-agreement', { parties }).ok).toBe(true);
    expect(may(as('regisseur'), 'confirm-agreement', { parties })).toEqual({ ok: false, reason: 'Alleen wie in de afspraak genoemd wordt, kan die bevestigen.' });
  });
});

describe('may: reading the log and what is withheld', () => {
  it('the regisseur reads the whole log, the parents and the young person hear of what is withheld', () => {
    const allowed = (action: 'read-full-log' | 'hear-of-withheld' | 'hear-of-destruction') => Role.options.filter((r) => may(as(r), action, null).ok);
    expect(allowed('read-full-log')).toEqual(['regisseur']);
    expect(allowed('hear-of-withheld')).toEqual(['ouder', 'jeugdige']);
    // The young person hears of her right to ask for destruction before she may ask herself; the network does not.
    expect(allowed('hear-of-destruction')).toEqual(['ouder', 'jeugdige']);
  });
  it('under emergency access these reads are as they are without it', () => {
    const crisis = { ...as('veilig_thuis'), emergency: { until: '2099-01-01T00:00:00Z' } } as Viewer;
    expect(may(crisis, 'read-full-log', null).ok).toBe(false);
    expect(may({ ...crisis, role: 'regisseur' }, 'read-full-log', null).ok).toBe(true);
  });
});

describe('may: history and a copy', () => {
  it('everyone in the case reads the history and takes a copy; under emergency access neither, and says why', () => {
    for (const r of Role.options) {
      expect(may(as(r), 'read-history', null).ok, r).toBe(true);
      expect(may(as(r), 'make-copy', null).ok, r).toBe(true);
    }
    const crisis = { ...as('veilig_thuis'), emergency: { until: '2099-01-01T00:00:00Z' } } as Viewer;
    expect(may(crisis, 'read-history', null)).toEqual({ ok: false, reason: 'Met noodtoegang lees je de tekst van nu, niet de geschiedenis.' });
    expect(may(crisis, 'make-copy', null)).toEqual({ ok: false, reason: 'Met noodtoegang kun je lezen, maar geen afschrift maken.' });
  });
});

describe('may: starting a case and keeping its persons', () => {
  it('a professional of a lokaal team or Veilig Thuis starts a case; the family, the Raad and the GI do not', () => {
    expect(may(as('regisseur'), 'start-case', { organisationKind: 'lokaal_team' }).ok).toBe(true);
    expect(may(as('veilig_thuis'), 'start-case', { organisationKind: 'veilig_thuis' }).ok).toBe(true);
    expect(may(as('raad'), 'start-case', { organisationKind: 'raad' }).ok).toBe(false);
    expect(may(as('gi'), 'start-case', { organisationKind: null }).ok).toBe(false);
    expect(may(as('ouder'), 'start-case', { organisationKind: 'lokaal_team' })).toEqual({ ok: false, reason: 'Een zaak starten doen professionals.' });
  });

  it('a regisseur of a lokaal team directs a case; a regisseur elsewhere or another role does not', () => {
    expect(may(as('regisseur'), 'direct-case', { organisationKind: 'lokaal_team' }).ok).toBe(true);
    expect(may(as('regisseur'), 'direct-case', { organisationKind: 'veilig_thuis' }).ok).toBe(false);
    expect(may(as('veilig_thuis'), 'direct-case', { organisationKind: 'lokaal_team' })).toEqual({ ok: false, reason: 'Een zaak regisseert een regisseur van een lokaal team.' });
    expect(may(as('regisseur'), 'direct-case', { organisationKind: null }).ok).toBe(false);
  });

  it('only the regisseur changes who belongs to the family', () => {
    expect(may(as('regisseur'), 'manage-persons', null).ok).toBe(true);
    expect(may(as('veilig_thuis'), 'manage-persons', null).ok).toBe(false);
  });

  it('the regisseur plans and chairs a Tafel; only the Raad records its decision', () => {
    expect(may(as('regisseur'), 'plan-meeting', null).ok).toBe(true);
    expect(may(as('regisseur'), 'chair-meeting', null).ok).toBe(true);
    expect(may(as('raad'), 'plan-meeting', null).ok).toBe(false);
    expect(may(as('ouder'), 'chair-meeting', null).ok).toBe(false);
    expect(may(as('raad'), 'record-decision', null).ok).toBe(true);
    expect(may(as('regisseur'), 'record-decision', null).ok).toBe(false);
    expect(may({ ...as('raad'), emergency: { until: 'x' } }, 'record-decision', null).ok).toBe(false);
  });
});

const person = (userId: string, role: Role, personId: string | null): Viewer => ({ userId, role, organisationId: personId ? 'gezin' : 'lokaal-team-almere', personId });
const mother = person('moeder', 'ouder', 'p-sanne');
const father = person('vader', 'ouder', 'p-murat');
const regisseur = person('regisseur', 'regisseur', null);
/** A consent's grantee, as the store reads it. */
const to = (grantee: unknown) => GranteeSchema.parse(grantee);
const hears = (reader: Viewer, givenBy: string, share: MayTargets['hear-of-share']['to']) => may(reader, 'hear-of-share', { givenBy, to: share }).ok;

describe('may: hearing of a share in the history', () => {
  it('a professional hears of every share, among the family too', () => {
    expect(hears(regisseur, 'moeder', to({ kind: 'person', personId: 'p-ria' }))).toBe(true);
  });

  it('a parent hears of what she gave and what was given to her, not whom the other parent shared with in the family', () => {
    expect(hears(mother, 'moeder', to({ kind: 'person', personId: 'p-ria' }))).toBe(true);
    expect(hears(mother, 'vader', to({ kind: 'person', personId: 'p-sanne' }))).toBe(true);
    expect(hears(mother, 'vader', to({ kind: 'person', personId: 'p-ria' }))).toBe(false);
    expect(hears(mother, 'regisseur', { kind: 'user', userId: 'oma', role: 'netwerk' })).toBe(false);
    expect(hears(mother, 'regisseur', to({ kind: 'role', role: 'netwerk' }))).toBe(false);
    expect(hears(mother, 'regisseur', to({ kind: 'role', role: 'ouder' }))).toBe(true);
  });

  it('the family hears of every opening to professionals: a role, an organisation, a professional by name', () => {
    expect(hears(father, 'moeder', to({ kind: 'role', role: 'raad' }))).toBe(true);
    expect(hears(father, 'regisseur', to({ kind: 'organisation', organisationId: 'raad-kinderbescherming' }))).toBe(true);
    expect(hears(father, 'regisseur', { kind: 'user', userId: 'gw', role: 'gedragswetenschapper' })).toBe(true);
    // Someone no longer in the case: their role is unknown, so the family does not hear of it.
    expect(hears(father, 'regisseur', { kind: 'user', userId: 'weg', role: null })).toBe(false);
  });
});
