import { type AccessLevel, atLeast, type CaseAccessContext, type Consent, type Grantee, type Participant, type SectionInstance, maxLevel } from '../caseModel.ts';
import { OWN_RIGHTS_AGE } from '../ownRights.ts';
import { isFamilyRole } from '../roles.ts';
import { catalogueEntry } from '../sections.ts';
import { roleDefault, SUBJECT_LEVEL } from './roleDefaults.ts';

/** Why a person has the level they have; shown next to each section ("wie kan dit zien en waarom"). */
export type AccessReason =
  | { kind: 'rol' }
  | { kind: 'eigen'; }
  | { kind: 'eigen-stem' }
  | { kind: 'toestemming'; givenBy: string; reason: string }
  | { kind: 'wettelijke_grond'; reason: string }
  | { kind: 'toekenning'; reason: string }
  | { kind: 'intrekking'; reason: string }
  | { kind: 'noodtoegang'; reason: string; until: string }
  | { kind: 'vergrendeld'; reason: string }
  | { kind: 'gearchiveerd' };

export interface AccessDecision {
  level: AccessLevel;
  reasons: AccessReason[];
}

/** The viewer as the policy sees them: a participant of the case (or `null` when not in it). */
export type Viewer = Pick<Participant, 'userId' | 'role' | 'organisationId' | 'personId' | 'emergency'>;

const NONE = (reason: string): AccessDecision => ({ level: 'none', reasons: [{ kind: 'vergrendeld', reason }] });

/**
 * The one access policy of Tafel, used by the server to enforce and by the client to render.
 * Order: legal locks (nothing overrides them) → emergency access, which stops here →
 * role default or the subject's own level → consent / legal ground, without which a private
 * section (or one about a young person of 16+) stays closed to the family → explicit grant or
 * revocation by the regisseur.
 */
export function accessFor(viewer: Viewer | null, section: SectionInstance, ctx: CaseAccessContext): AccessDecision {
  if (!viewer) return NONE('Geen deelnemer aan deze zaak.');
  const entry = catalogueEntry(section.catalogueId);
  const family = isFamilyRole(viewer.role);

  // Legal locks.
  if (section.catalogueId === 'r-melder' && viewer.role !== 'veilig_thuis') return NONE(entry.restriction ?? '');
  if (entry.restriction && family) return NONE(entry.restriction);
  if (section.catalogueId === 'r-werkaantekeningen' && section.ownerOrganisationId !== viewer.organisationId) {
    return NONE(entry.restriction ?? '');
  }

  // Someone outside the case under emergency access reads the safety sections only, until it ends;
  // their role gives them nothing here, and consents and grants are for participants.
  if (viewer.emergency) {
    if (!stillValid(viewer.emergency.until, ctx.now)) return NONE('De noodtoegang is voorbij.');
    if (family || !entry.inEmergency) return NONE('Niet nodig voor de veiligheid: valt buiten de noodtoegang.');
    return { level: 'read', reasons: [{ kind: 'noodtoegang', reason: viewer.emergency.reason, until: viewer.emergency.until }] };
  }

  const isSubject = section.subjectPersonId !== null && section.subjectPersonId === viewer.personId;
  const shares = activeShares(section, viewer, ctx);
  let decision: AccessDecision;
  if (isSubject) {
    decision = { level: maxLevel(entry.ownVoice ? 'edit' : SUBJECT_LEVEL, roleDefault(section.catalogueId, viewer.role)), reasons: [{ kind: 'eigen' }] };
  } else {
    decision = { level: roleDefault(section.catalogueId, viewer.role), reasons: [{ kind: 'rol' }] };
  }

  for (const share of shares) {
    decision = {
      level: maxLevel(decision.level, 'read'),
      // A role that gives nothing is no reason; "rol: Ouder" next to a consent would suggest every parent may read.
      reasons: [
        ...(decision.level === 'none' ? [] : decision.reasons),
        share.basis === 'toestemming'
          ? { kind: 'toestemming', givenBy: share.givenBy, reason: share.reason }
          : { kind: 'wettelijke_grond', reason: share.reason },
      ],
    };
  }

  // A private per-person section stays closed to other family members without consent or legal
  // ground; so does a section about a child who is 16 or older, who now decides this herself.
  if (family && !isSubject && shares.length === 0) {
    if (entry.privateToSubject) return NONE('Alleen met toestemming van de persoon zelf of een wettelijke grond.');
    if (entry.instancePer === 'kind' && !entry.ownVoice && hasOwnRights(section, ctx)) return NONE(`Vanaf ${OWN_RIGHTS_AGE} jaar beslist de jongere zelf wie dit mag lezen.`);
  }

  const grant = latestGrant(section, viewer, ctx);
  if (grant) {
    decision = {
      level: grant.level,
      reasons: [grant.level === 'none' ? { kind: 'intrekking', reason: grant.reason } : { kind: 'toekenning', reason: grant.reason }],
    };
  }
  // A person's own voice is written by that person only: no role or grant lets anyone else write it
  // (a child under 12, without an account, excepted: the regisseur writes down what the child said).
  if (entry.ownVoice && !isSubject && decision.level === 'edit' && !youngerThanTwelve(section, ctx)) decision = { level: 'comment', reasons: [...decision.reasons, { kind: 'eigen-stem' }] };
  // An archived section is kept as it was: whoever could read it still reads it, nobody writes.
  if (section.archivedAt && atLeast(decision.level, 'comment')) decision = { level: 'read', reasons: [...decision.reasons, { kind: 'gearchiveerd' }] };
  return decision;
}

/** Whether the child a section is about is known to be under 12 now (12 years: four before their 16th birthday). */
function youngerThanTwelve(section: SectionInstance, ctx: CaseAccessContext): boolean {
  const from = section.subjectPersonId === null ? undefined : ctx.ownRightsFrom[section.subjectPersonId];
  if (from === undefined) return false;
  const twelve = new Date(from);
  twelve.setUTCFullYear(twelve.getUTCFullYear() - 4);
  return ctx.now < twelve.toISOString();
}

function hasOwnRights(section: SectionInstance, ctx: CaseAccessContext): boolean {
  const from = section.subjectPersonId === null ? undefined : ctx.ownRightsFrom[section.subjectPersonId];
  return from !== undefined && !stillValid(from, ctx.now);
}

/** Whether a consent or grant for `grantee` covers this viewer. */
export function matches(grantee: Grantee, viewer: Viewer): boolean {
  switch (grantee.kind) {
    case 'person':
      return viewer.personId !== null && grantee.personId === viewer.personId;
    case 'role':
      return grantee.role === viewer.role;
    case 'organisation':
      return grantee.organisationId === viewer.organisationId;
  }
}

function activeShares(section: SectionInstance, viewer: Viewer, ctx: CaseAccessContext): Consent[] {
  return ctx.consents.filter(
    (c) =>
      c.sectionInstanceId === section.id &&
      c.withdrawnAt === null &&
      (c.until === null || stillValid(c.until, ctx.now)) &&
      matches(c.grantee, viewer),
  );
}

/**
 * Compares instants, not strings: `2026-11-24T10:00:00Z` and `2026-11-24T10:00:00.500Z` differ in
 * precision, and as strings the earlier one sorts last ('Z' > '.'). An unreadable time counts as
 * expired, so a malformed `until` never keeps a section open.
 */
function stillValid(until: string, now: string): boolean {
  return Date.parse(until) > Date.parse(now);
}

function latestGrant(section: SectionInstance, viewer: Viewer, ctx: CaseAccessContext) {
  let latest: CaseAccessContext['grants'][number] | undefined;
  for (const g of ctx.grants) {
    if (g.sectionInstanceId !== section.id || g.userId !== viewer.userId) continue;
    if (!latest || g.grantedAt >= latest.grantedAt) latest = g;
  }
  return latest;
}
