import { z } from 'zod';
import { IsoDate } from './blocks/common.ts';
import { CaseloadFields } from './caseload.ts';
import { AccessLevel, SectionInstance } from './caseModel.ts';
import { EmailAddress } from './email.ts';
import { EmergencyGrant } from './emergency.ts';
import { Role } from './roles.ts';

/** Shapes of the HTTP API, shared by the routes (validation) and the client (parsing). */

export const LoginRequest = z.object({
  email: EmailAddress,
  password: z.string().min(1, 'Vul je wachtwoord in.').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** May ask for emergency access to a case they are not in (a crisis service). */
  emergencyStaff: z.boolean(),
  /** Where "Tafel" at the top leads: "Thuis" of a family member's one case, else the list of cases. */
  home: z.string().default('/'),
});
export type Me = z.infer<typeof Me>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  region: z.string(),
  status: z.string(),
  myRole: Role,
  /** End of my emergency access, when that is how I am in this case. */
  emergencyUntil: z.string().nullable(),
  /** For those in the case: who reads it under emergency access right now, and until when. */
  emergencies: z.array(z.object({ name: z.string(), until: z.string() })),
}).extend(CaseloadFields.shape);
export type CaseSummary = z.infer<typeof CaseSummary>;

/** Why a person can see a section, ready to show ("rol", "toestemming van …", "vergrendeld"). */
export const AccessExplanation = z.object({
  /** Whose access this is: a party of a safety agreement must be among a section's readers. */
  userId: z.string().optional(),
  name: z.string(),
  role: Role,
  level: AccessLevel,
  because: z.string(),
});
export type AccessExplanation = z.infer<typeof AccessExplanation>;

export const SectionView = SectionInstance.extend({
  access: AccessLevel,
  /** The viewer's own reason, in Dutch. */
  because: z.string(),
  /** Legal ground of a restricted section (professionals only see restricted sections anyway). */
  restriction: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Who else can see this section and why. */
  visibleTo: z.array(AccessExplanation),
  /** Names of the people who have it open right now. */
  present: z.array(z.string()),
  /** Whom a consent or legal ground would still open it to (`shareCandidates`); empty unless it is about a person. */
  // Fields added later default, so a case answer a device kept from before still opens offline.
  shareWith: z.object({ persons: z.array(z.string()), consentRoles: z.array(Role), legalGroundRoles: z.array(Role) }).default({ persons: [], consentRoles: [], legalGroundRoles: [] }),
  /** For the family: the day the Tafel's decision that applies now was taken in this (besluit) section, else null. */
  decidedOn: IsoDate.nullable().default(null),
});
export type SectionView = z.infer<typeof SectionView>;

export const PersonView = z.object({ id: z.string(), name: z.string(), kind: z.string() });

export const ParticipantView = z.object({
  userId: z.string(),
  name: z.string(),
  role: Role,
  organisationId: z.string(),
  /** The organisation's name from the directory; null for the family, who are no organisation. */
  organisation: z.string().nullable().default(null),
  personId: z.string().nullable(),
  emergency: EmergencyGrant.optional(),
});

export const CaseDetail = z.object({
  id: z.string(),
  title: z.string(),
  region: z.string(),
  status: z.string(),
  me: ParticipantView,
  persons: z.array(PersonView),
  participants: z.array(ParticipantView),
  sections: z.array(SectionView),
  /** For the family: restricted material they may know exists, without saying where or what. */
  withheld: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Every error body: `{ error: { code, message, field? } }`. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

export const ConsentRequest = z.object({
  sectionId: z.string().min(1).max(80),
  basis: z.enum(['toestemming', 'wettelijke_grond']),
  grantee: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), personId: z.string().min(1).max(80) }),
    z.object({ kind: z.literal('role'), role: Role }),
    z.object({ kind: z.literal('organisation'), organisationId: z.string().min(1).max(80) }),
  ]),
  reason: z.string().trim().max(1000).default(''),
  until: z.string().datetime().nullable().default(null),
});
export type ConsentRequest = z.infer<typeof ConsentRequest>;

export const GrantRequest = z.object({
  sectionId: z.string().min(1).max(80),
  userId: z.string().min(1).max(80),
  level: AccessLevel,
  reason: z.string().trim().min(3, 'Geef een reden.').max(1000),
});

/** A family or network member, invited as a person of the case; the invitation may make their account. */
export const FamilyInvitation = z.object({
  name: z.string().trim().min(1, 'Vul een naam in.').max(120),
  email: EmailAddress,
  role: z.enum(['ouder', 'jeugdige', 'netwerk'], { message: 'Kies ouder, jeugdige of netwerk.' }),
  personId: z.string().min(1, 'Kies welk gezinslid deze persoon is.').max(80),
});
/**
 * A professional, named by the e-mail address of their directory account: role and organisation
 * come from the directory. A `role` sent along must be the directory's; nothing else is taken.
 */
export const ProfessionalInvitation = z.object({ email: EmailAddress, role: Role.optional() });
export type FamilyInvitation = z.infer<typeof FamilyInvitation>;
export type ProfessionalInvitation = z.infer<typeof ProfessionalInvitation>;

export const InvitationView = z.object({ caseTitle: z.string(), name: z.string(), email: z.string(), role: Role });
export type InvitationView = z.infer<typeof InvitationView>;
/** The one-time link, and whether it went out by e-mail (else the inviter passes it on). */
export const InvitationLink = z.object({ link: z.string(), mailed: z.boolean().default(false) });
export const InvitationAccepted = z.object({ caseId: z.string() });
export const AcceptInvitation = z.object({ password: z.string().min(10, 'Kies een wachtwoord van minstens 10 tekens.').max(200) });

export const AuditEntry = z.object({
  at: z.string(),
  event: z.string(),
  sectionId: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  who: z.string(),
  role: z.string().nullable(),
  organisationId: z.string().nullable(),
  /** The name of `organisationId` from the directory; null for the family and for no organisation. */
  organisation: z.string().nullable(),
  onBehalfOf: z.string().nullable(),
  /** Only for emergency access: its reason, whose access was ended, or that a look was under it. */
  detail: z.string().nullable(),
  /**
   * The sections of an entry that stands for several rows of the log, only those the reader may
   * read: those in one copy (export), or those one person opened on one Dutch day, in the order
   * they were first opened that day, with how often when that was 2 or more times.
   */
  sections: z.array(z.object({ id: z.string(), title: z.string(), times: z.number().int().min(2).optional() })).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const AuditDays = { from: IsoDate.optional(), to: IsoDate.optional() };
const daysInOrder = (p: { from?: string | undefined; to?: string | undefined }) => p.from === undefined || p.to === undefined || p.from <= p.to;
const DAYS_OUT_OF_ORDER = { path: ['to'], message: 'De einddatum ligt vóór de begindatum.' };

/**
 * `GET /api/cases/:caseId/audit?from=&to=`: a period of Dutch calendar days, both ends optional
 * and inclusive (NEN 7513 asks that a log can be read per period).
 */
export const AuditPeriod = z.object(AuditDays).refine(daysInOrder, DAYS_OUT_OF_ORDER);
export type AuditPeriod = z.infer<typeof AuditPeriod>;

/** Entries on one page of the log; `more` says whether the next page holds any. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The whole query of `GET /api/cases/:caseId/audit`: the period, whether to show what the reader
 * did themselves (`own=true`, "Ook wat ik zelf deed"; left out unless asked, for everyone), and
 * which page of {@link AUDIT_PAGE_SIZE} entries, newest first (`page=1` unless given). `upTo`:
 * the log as it stood when the first page was read (the `upTo` that page gave, an opaque value),
 * so what was logged since does not push entries of page 1 onto page 2.
 */
export const AuditQuery = z
  .object({
    ...AuditDays,
    own: z.stringbool({ error: 'Kies ja of nee.' }).default(false),
    page: z.coerce.number({ error: 'Kies een paginanummer.' }).int('Kies een paginanummer.').min(1, 'De eerste pagina is pagina 1.').max(1_000_000, 'Zoveel pagina’s zijn er niet.').default(1),
    upTo: z.string({ error: 'Geef de waarde die de eerste pagina gaf.' }).min(1, 'Geef de waarde die de eerste pagina gaf.').max(200, 'Geef de waarde die de eerste pagina gaf.').optional(),
  })
  .refine(daysInOrder, DAYS_OUT_OF_ORDER);
export type AuditQuery = z.infer<typeof AuditQuery>;

/**
 * The regisseur reads the whole log (`volledig`); everyone else who looked at what they can see
 * (`inzage`). One page of it: `page` as asked, `more` when a next page has entries, `upTo` where
 * in the log it was read up to (to ask the next pages with; opaque, see server/audit/logCursor.ts),
 * `earlier` where an empty period's entries before it are.
 */
export const AuditLogView = z.object({
  scope: z.enum(['volledig', 'inzage']),
  entries: z.array(AuditEntry),
  page: z.number().int().min(1),
  more: z.boolean(),
  upTo: z.string(),
  /**
   * When page 1 of a period with a start is empty: the Dutch month (`2026-11`) of the latest
   * entry before it that this reader would be shown, so an empty month does not read as "nobody
   * ever looked". Null otherwise, and when there is none.
   */
  earlier: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullable(),
});
export type AuditLogView = z.infer<typeof AuditLogView>;

/** A party's own confirmation of an `afspraak` block, stored server-side with who and when. */
export const Confirmation = z.object({
  sectionId: z.string(),
  blockId: z.string(),
  userId: z.string(),
  name: z.string(),
  at: z.string(),
});
export type Confirmation = z.infer<typeof Confirmation>;

export const ConfirmRequest = z.object({
  sectionId: z.string().min(1).max(80),
  blockId: z.string().min(1).max(80),
});

/** Live case events (server-sent events): only says *what kind* of thing changed, never content (`meeting`: a Tafel of the case, such as the item the chair is on). */
export const CaseEvent = z.object({
  type: z.literal('case-changed'),
  what: z.enum(['confirmations', 'comments', 'status', 'access', 'sections', 'presence', 'meeting']),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** `GET /api/cases/:caseId/search?q=` */
export const SearchQuery = z.object({
  q: z.string().trim().min(2, 'Typ minstens 2 tekens.').max(100, 'Zoek met minder dan 100 tekens.'),
});

/** A piece of text around a match, in three parts so the client can mark the match without HTML. */
export const Snippet = z.object({ where: z.enum(['tekst', 'opmerking']), before: z.string(), match: z.string(), after: z.string() });
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({ sectionId: z.string(), sectionTitle: z.string(), matches: z.number().int(), snippets: z.array(Snippet) });
export type SearchHit = z.infer<typeof SearchHit>;

/** Only sections the caller may read take part; the others are not counted or mentioned. */
export const SearchResults = z.object({ query: z.string(), hits: z.array(SearchHit) });
export type SearchResults = z.infer<typeof SearchResults>;
