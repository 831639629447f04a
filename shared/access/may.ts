import { type AccessLevel, atLeast, type SectionStatus } from '../caseModel.ts';
import type { BlockType } from '../blocks/index.ts';
import { isRequest, REQUESTS } from '../comments.ts';
import type { OrganisationKind } from '../directory.ts';
import { isFamilyRole, type Role } from '../roles.ts';
import { catalogueEntry } from '../sections.ts';
import type { KeeperAction, MayAction, MayTargets } from './mayTargets.ts';
import { directsCase, keeperHold, requestDestruction, setRetentionTerm } from './retentionRules.ts';

export type { KeeperAction, MayAction, MayTargets };

/** What only decides what one reads: allowed under emergency access as it is without. */
const READING: ReadonlySet<MayAction> = new Set<MayAction>(['read-full-log', 'hear-of-withheld', 'hear-of-share']);
/** Under emergency access, why an action that is not reading is refused, where the general reason says too little. */
const IN_EMERGENCY: Partial<Record<MayAction, string>> = {
  'read-history': 'Met noodtoegang lees je de tekst van nu, niet de geschiedenis.',
  'make-copy': 'Met noodtoegang kun je lezen, maar geen afschrift maken.',
};

/** Who asks: a participant as the server or the client knows them (ids need not be branded). */
export interface Viewer {
  userId: string;
  role: Role;
  organisationId: string;
  personId: string | null;
  emergency?: unknown;
}

/**
 * Who asks for a directory action: an account with the `beheerder` role, a role outside cases that
 * the operator gives per organisation. `keeps`: the organisations whose directory part it keeps.
 */
export interface Keeper {
  userId: string;
  keeps: readonly string[];
}

/** The asker an action is asked of: a {@link Keeper} for directory actions, else a participant. */
export type AskerOf<A extends MayAction> = A extends KeeperAction ? Keeper : Viewer;

/**
 * Allowed, or not, with the reason. `field`: the refusal is about what was filled in (bad input),
 * not about who asks; `about`: the part of the request the refusal concerns.
 */
export type Verdict = { ok: true } | { ok: false; reason: string; field?: string; about?: string };

const YES: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

/** The organisations with a legal task in child protection: they set conditions and may record a legal ground. */
export const LEGAL_TASK_ROLES: readonly Role[] = ['veilig_thuis', 'raad', 'gi'];

/** Who sets a block of a type that carries authority (DOMAIN.md, "Who may say what"); anyone who may edit proposes the rest. */
export const BLOCK_AUTHORITY: Partial<Record<BlockType, { roles: readonly Role[]; refusal: string }>> = {
  veiligheidsvoorwaarde: { roles: LEGAL_TASK_ROLES, refusal: 'Een veiligheidsvoorwaarde stellen Veilig Thuis, de Raad of de GI; doe een voorstel met een reactie.' },
  besluit: { roles: ['raad'], refusal: 'Het besluit van de tafel legt de Raad vast; doe een voorstel met een reactie.' },
};

/** The organisations that start cases: the lokaal team and Veilig Thuis (DOMAIN.md, "Cases over time"). */
export const CASE_STARTING_ORGANISATIONS: readonly OrganisationKind[] = ['lokaal_team', 'veilig_thuis'];

/** A legal ground is a reason a reader can check: at least one sentence, not a word. */
export const LEGAL_GROUND_MIN_CHARS = 20;

/** Whether `viewer` may do `action` to `target`, and if not, why (Dutch, shown to the user). */
export function may<A extends MayAction>(asker: AskerOf<A>, action: A, target: MayTargets[A]): Verdict {
  if (action === 'keep-directory') return keepDirectory(asker as Keeper, target as MayTargets['keep-directory']);
  if (action === 'set-retention-term') return setRetentionTerm((asker as Keeper).keeps, (target as MayTargets['set-retention-term']).organisationId);
  if (action === 'keep-hold') return keeperHold((asker as Keeper).keeps, (target as MayTargets['keep-hold']).organisations);
  const viewer = asker as Viewer;
  const family = isFamilyRole(viewer.role);
  // Under emergency access one only reads, and may end one's own access.
  if (viewer.emergency && action !== 'end-emergency' && !READING.has(action)) return no(IN_EMERGENCY[action] ?? 'Met noodtoegang kun je alleen lezen.');
  switch (action) {
    case 'manage-participants':
      return viewer.role === 'regisseur' ? YES : no('Alleen de regisseur nodigt mensen uit of haalt ze uit de zaak.');
    case 'manage-grants':
      return viewer.role === 'regisseur' ? YES : no('Alleen de regisseur beheert toegang.');
    case 'give-consent': {
      const { section } = target as MayTargets['give-consent'];
      return section.subjectPersonId !== null && section.subjectPersonId === viewer.personId ? YES : no('Alleen de persoon over wie dit onderdeel gaat, kan toestemming geven.');
    }
    case 'record-legal-ground':
      return legalGround(viewer, target as MayTargets['record-legal-ground']);
    case 'withdraw-consent': {
      const { consent } = target as MayTargets['withdraw-consent'];
      if (consent.givenBy === viewer.userId) return YES;
      return consent.basis === 'wettelijke_grond' && viewer.role === 'regisseur' ? YES : no('Alleen wie de toestemming gaf, kan die intrekken.');
    }
    case 'end-emergency':
      return (target as MayTargets['end-emergency']).own || (!viewer.emergency && viewer.role === 'regisseur') ? YES : no('Alleen de regisseur kan de noodtoegang van een ander beëindigen.');
    case 'write-block': {
      const authority = BLOCK_AUTHORITY[(target as MayTargets['write-block']).block];
      return !authority || authority.roles.includes(viewer.role) ? YES : no(authority.refusal);
    }
    case 'move-status': {
      const { from, to, level } = target as MayTargets['move-status'];
      return statusMove(from, to, viewer.role, level);
    }
    case 'start-thread': {
      const { kind, visibility } = target as MayTargets['start-thread'];
      if (visibility === 'professionals' && family) return { ok: false, reason: 'Je kunt alleen een reactie schrijven die iedereen kan lezen.', about: 'visibility' };
      if (isRequest(kind) && !family) return { ok: false, reason: `Een ${REQUESTS[kind].name.toLowerCase()} komt van het gezin zelf.`, about: 'kind' };
      return YES;
    }
    case 'resolve-thread': {
      const { startedBy, level } = target as MayTargets['resolve-thread'];
      if (!atLeast(level, 'comment')) return no('Je mag dit onderdeel lezen, maar er niet op reageren.');
      if (startedBy === viewer.userId || (!family && atLeast(level, 'edit'))) return YES;
      return no('Alleen wie deze reactie begon, of een professional die dit onderdeel schrijft, kan haar afhandelen.');
    }
    case 'answer-request': {
      const { kind, level } = target as MayTargets['answer-request'];
      return atLeast(level, 'edit') && !family ? YES : no(`Alleen wie dit onderdeel mag bewerken, beantwoordt een ${REQUESTS[kind].name.toLowerCase()}.`);
    }
    case 'read-professional-comments':
      return family ? no('Alleen voor professionals.') : YES;
    case 'start-case': {
      const { organisationKind } = target as MayTargets['start-case'];
      if (family) return no('Een zaak starten doen professionals.');
      return organisationKind !== null && CASE_STARTING_ORGANISATIONS.includes(organisationKind) ? YES : no('Een zaak starten het lokale team en Veilig Thuis.');
    }
    case 'direct-case':
      return viewer.role === 'regisseur' && (target as MayTargets['direct-case']).organisationKind === 'lokaal_team' ? YES : no('Een zaak regisseert een regisseur van een lokaal team.');
    case 'manage-persons':
      return viewer.role === 'regisseur' ? YES : no('Alleen de regisseur past aan wie er bij het gezin horen.');
    case 'close-case':
      return viewer.role === 'regisseur' ? YES : no('Alleen de regisseur sluit de zaak.');
    case 'plan-meeting':
      return viewer.role === 'regisseur' ? YES : no('Alleen de regisseur plant een Jeugdbeschermingstafel.');
    case 'chair-meeting':
      return viewer.role === 'regisseur' ? YES : no('Alleen de regisseur zit de tafel voor.');
    case 'record-decision':
      return may(viewer, 'write-block', { block: 'besluit' });
    case 'read-history':
    case 'make-copy':
      return YES;
    case 'hear-of-share':
      return hearOfShare(viewer, target as MayTargets['hear-of-share']);
    case 'read-full-log':
      return viewer.role === 'regisseur' ? YES : no('Het hele logboek leest de regisseur.');
    case 'hear-of-withheld':
    case 'hear-of-destruction':
      return viewer.role === 'ouder' || viewer.role === 'jeugdige' ? YES : no('Alleen voor de mensen over wie het dossier gaat.');
    case 'request-destruction':
      return requestDestruction(viewer.role, (target as MayTargets['request-destruction']).ownRights);
    case 'read-destruction-request':
      return !family || (target as MayTargets['read-destruction-request']).filedBy === viewer.userId ? YES : no('Niet gevonden.');
    case 'answer-destruction':
      return directsCase(viewer.role, 'answer');
    case 'hold-case':
      return directsCase(viewer.role, 'hold');
    case 'name-parties': {
      const { parties, readers } = target as MayTargets['name-parties'];
      const blind = parties.find((p) => p.userId !== null && !readers.includes(p.userId));
      if (!blind) return YES;
      return { ok: false, field: 'partijen', reason: `${blind.naam} kan dit onderdeel niet lezen en kan de afspraak dus niet bevestigen. Zet de afspraak in een onderdeel dat ${blind.naam} kan lezen, of haal ${blind.naam} hier weg.` };
    }
    case 'confirm-agreement':
      return (target as MayTargets['confirm-agreement']).parties.some((p) => p.userId === viewer.userId) ? YES : no('Alleen wie in de afspraak genoemd wordt, kan die bevestigen.');
  }
  return no('Onbekende handeling.');
}

/**
 * A beheerder keeps the directory part of the organisations they keep, and only that: an account
 * of another organisation, or one outside the directory (a family member, someone taken out),
 * is the operator's to place, so no beheerder can take over another organisation's people.
 */
function keepDirectory(keeper: Keeper, { organisationId, account }: MayTargets['keep-directory']): Verdict {
  if (!keeper.keeps.includes(organisationId)) return no('Je beheert alleen de directory van je eigen organisatie.');
  if (!account || (account.professional && account.organisationId === organisationId)) return YES;
  if (account.professional) return no('Dit e-mailadres hoort bij een professional van een andere organisatie.');
  return no('Bij dit e-mailadres hoort al een account buiten jullie organisatie. Vraag de beheerder van Tafel (de operator) om het toe te voegen.');
}

/**
 * A legal ground opens one person's private section to a professional: recorded by the regisseur,
 * who directs the case, or by an organisation with a legal task (Veilig Thuis, the Raad, the GI).
 * It never opens the section to another family member or the network: between family members only
 * the person's own consent shares what is private to them.
 */
function legalGround(viewer: Viewer, { section, grantee, reason }: MayTargets['record-legal-ground']): Verdict {
  if (viewer.role !== 'regisseur' && !LEGAL_TASK_ROLES.includes(viewer.role)) {
    return no('Een wettelijke grond leggen de regisseur, Veilig Thuis, de Raad of de GI vast.');
  }
  const entry = catalogueEntry(section.catalogueId);
  if (entry.instancePer !== 'volwassene' && entry.instancePer !== 'kind') return no('Een wettelijke grond geldt voor een onderdeel over één persoon.');
  if (grantee === undefined) return YES;
  if (grantee.kind === 'person' || (grantee.kind === 'role' && isFamilyRole(grantee.role)) || (grantee.kind === 'organisation' && grantee.organisationId === 'gezin')) {
    return no('Een wettelijke grond opent dit onderdeel alleen voor professionals; binnen het gezin deelt alleen de persoon zelf, met toestemming.');
  }
  if (reason !== undefined && (reason.trim().length < LEGAL_GROUND_MIN_CHARS || !/\s/.test(reason.trim()))) {
    return { ok: false, reason: `Schrijf de wettelijke grond op in minstens één zin (${LEGAL_GROUND_MIN_CHARS} tekens).`, field: 'reason' };
  }
  return YES;
}

/**
 * Who may move a section from one status to the next (DOMAIN.md): writers send a draft to review
 * and back; only a gedragswetenschapper approves; the regisseur shares an approved section with
 * the family and, after the reaction period, fixes it.
 */
function statusMove(from: SectionStatus, to: SectionStatus, role: Role, level: AccessLevel): Verdict {
  if (isFamilyRole(role)) return no('Alleen professionals veranderen de status.');
  const writer = level === 'edit';
  switch (`${from}>${to}`) {
    case 'concept>review':
      return writer ? YES : no('Alleen wie dit onderdeel mag bewerken, kan het ter review aanbieden.');
    case 'review>concept':
      return writer || role === 'gedragswetenschapper' ? YES : no('Alleen een schrijver of de gedragswetenschapper kan het terugzetten.');
    case 'review>goedgekeurd':
      return role === 'gedragswetenschapper' && atLeast(level, 'comment') ? YES : no('Alleen de gedragswetenschapper keurt goed.');
    case 'goedgekeurd>gedeeld':
      return role === 'regisseur' ? YES : no('Alleen de regisseur deelt met het gezin.');
    case 'gedeeld>vastgesteld':
      return role === 'regisseur' ? YES : no('Alleen de regisseur stelt vast.');
    default:
      return no(`Van ${from} naar ${to} kan niet.`);
  }
}

/**
 * Who hears, in a section's history, that it was shared. Professionals, and whoever shared, hear
 * of every share; a family member hears of shares with their own role, with themselves and those
 * that opened the section to professionals; not of whom someone else shared with among family and
 * network, who may be someone the reader does not know of (a new partner, a relative kept out of it).
 */
function hearOfShare(viewer: Viewer, { givenBy, to }: MayTargets['hear-of-share']): Verdict {
  if (!isFamilyRole(viewer.role) || givenBy === viewer.userId) return YES;
  const hears =
    to.kind === 'organisation' ||
    (to.kind === 'role' && (!isFamilyRole(to.role) || to.role === viewer.role)) ||
    (to.kind === 'person' && to.personId === viewer.personId) ||
    (to.kind === 'user' && (to.userId === viewer.userId || (to.role !== null && !isFamilyRole(to.role))));
  return hears ? YES : no('Met wie een ander uit het gezin iets deelde, hoort alleen wie het deelde.');
}
