import { z } from 'zod';
import { EmergencyGrant } from './emergency.ts';
import { CaseId, OrganisationId, PersonId, SectionInstanceId, UserId } from './ids.ts';
import { Role } from './roles.ts';
import { CatalogueId } from './sections.ts';

/** Access levels, ordered from least to most. */
export const AccessLevel = z.enum(['none', 'read', 'comment', 'edit']);
export type AccessLevel = z.infer<typeof AccessLevel>;

const ORDER: Record<AccessLevel, number> = { none: 0, read: 1, comment: 2, edit: 3 };
export function atLeast(level: AccessLevel, wanted: AccessLevel): boolean {
  return ORDER[level] >= ORDER[wanted];
}
export function maxLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return ORDER[a] >= ORDER[b] ? a : b;
}

export const SectionStatus = z.enum(['concept', 'review', 'goedgekeurd', 'gedeeld', 'vastgesteld']);
export type SectionStatus = z.infer<typeof SectionStatus>;

/** What a level lets someone do, in words ("Jij mag: lezen en reageren"). */
export const LEVEL_LABEL: Record<AccessLevel, string> = { none: 'geen toegang', read: 'lezen', comment: 'lezen en reageren', edit: 'bewerken' };

export const STATUS_LABEL: Record<SectionStatus, string> = {
  concept: 'Concept',
  review: 'In review',
  goedgekeurd: 'Goedgekeurd',
  gedeeld: 'Gedeeld met het gezin',
  vastgesteld: 'Vastgesteld',
};

/** A person taking part in one case, in one role. Family members say which person they are. */
export const Participant = z.object({
  caseId: CaseId,
  userId: UserId,
  name: z.string(),
  role: Role,
  organisationId: OrganisationId,
  personId: PersonId.nullable(),
  /** Set for a crisis worker outside the case who is reading it under emergency access. */
  emergency: EmergencyGrant.optional(),
});
export type Participant = z.infer<typeof Participant>;

/** One synced document of the analysis: a catalogue section, optionally about one person or organisation. */
export const SectionInstance = z.object({
  id: SectionInstanceId,
  caseId: CaseId,
  catalogueId: CatalogueId,
  subjectPersonId: PersonId.nullable(),
  ownerOrganisationId: OrganisationId.nullable(),
  title: z.string(),
  status: SectionStatus,
  /** When the person it is about left the case while it held something: kept, and read only from then on. */
  archivedAt: z.string().nullable().optional(),
});
export type SectionInstance = z.infer<typeof SectionInstance>;

/** Who a consent or grant is for. */
export const Grantee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: PersonId }),
  z.object({ kind: z.literal('role'), role: Role }),
  z.object({ kind: z.literal('organisation'), organisationId: OrganisationId }),
]);
export type Grantee = z.infer<typeof Grantee>;

/**
 * Permission to read a per-person section: the subject's own consent (`toestemming`) or a legal
 * ground written down by a professional (`wettelijke_grond`). Withdrawn consents stay as records.
 */
export const Consent = z.object({
  id: z.string(),
  caseId: CaseId,
  sectionInstanceId: SectionInstanceId,
  basis: z.enum(['toestemming', 'wettelijke_grond']),
  grantee: Grantee,
  reason: z.string(),
  givenBy: UserId,
  givenAt: z.string(),
  until: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof Consent>;

/** An explicit grant (or, with level `none`, a revocation) by the regisseur, always with a reason. */
export const AccessGrant = z.object({
  id: z.string(),
  caseId: CaseId,
  sectionInstanceId: SectionInstanceId,
  userId: UserId,
  level: AccessLevel,
  reason: z.string().min(1),
  grantedBy: UserId,
  grantedAt: z.string(),
});
export type AccessGrant = z.infer<typeof AccessGrant>;

/** Everything the access policy needs to know about a case besides the viewer and the section. */
export interface CaseAccessContext {
  consents: readonly Consent[];
  grants: readonly AccessGrant[];
  /** ISO time used to judge `until` of consents. */
  now: string;
  /** Per young person with a known birth date: when they turn 16 and decide for themselves (see ownRights.ts). */
  ownRightsFrom: Readonly<Record<string, string>>;
}
