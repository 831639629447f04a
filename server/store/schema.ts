import type { ColumnType, Generated } from 'kysely';
import type { BeheerdersTable, IdentitiesTable, MailQueueTable, OidcLoginsTable, OrganisationsTable, RecoveryCodesTable, SessionsTable, TotpFactorsTable } from './accountSchema.ts';
import type { EmergencyAccessTable, EmergencyStaffTable } from './emergencySchema.ts';
import type { DestructionRequestsTable, LegalHoldsTable } from './retentionSchema.ts';

export type { BeheerdersTable, EmergencyAccessTable, EmergencyStaffTable, IdentitiesTable, MailQueueTable, OidcLoginsTable, OrganisationsTable, RecoveryCodesTable, SessionsTable, TotpFactorsTable };

/** A nullable column that an insert may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** Row types of the SQL store. Times are ISO strings so SQLite and PostgreSQL agree. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  cases: CasesTable;
  persons: PersonsTable;
  participants: ParticipantsTable;
  sections: SectionsTable;
  consents: ConsentsTable;
  grants: GrantsTable;
  invitations: InvitationsTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  audit_events: AuditEventsTable;
  confirmations: ConfirmationsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  status_events: StatusEventsTable;
  approvals: ApprovalsTable;
  emergency_staff: EmergencyStaffTable;
  emergency_access: EmergencyAccessTable;
  organisations: OrganisationsTable;
  doc_clients: DocClientsTable;
  identities: IdentitiesTable;
  oidc_logins: OidcLoginsTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  beheerders: BeheerdersTable;
  mail_queue: MailQueueTable;
  contact_details: ContactDetailsTable;
  legal_holds: LegalHoldsTable;
  destruction_requests: DestructionRequestsTable;
}

/** How a family reaches a professional: phone and working days (a JSON array of weekday names). */
export interface ContactDetailsTable {
  user_id: string;
  phone: string;
  working_days: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  /** Directory: the professional role of the account, null for family and network members. */
  role: Optional<string>;
  /** Directory: the organisation the professional works for (organisations.id). */
  organisation_id: Optional<string>;
}

/**
 * Who owns each Yjs client id of a section: the user who first stored an update with it, in the
 * role and organisation they had then. Nobody else may write with that id.
 */
export interface DocClientsTable {
  room: string;
  client_id: number;
  user_id: string;
  role: string;
  organisation_id: string;
  claimed_at: string;
}

export interface CasesTable {
  id: string;
  title: string;
  region: string;
  status: string;
  created_at: string;
  /** JSON of the case dates that deadlines are computed from. */
  dates: string;
  /** Why the case started (the melding or the request for help), when given. */
  reason: string | null;
  /** Closed: read-only for everyone; the retention term runs from here. */
  closed_at: string | null;
  closed_by: string | null;
  close_reason: string | null;
}

export interface PersonsTable {
  id: string;
  case_id: string;
  name: string;
  /** `ouder`, `kind` or `netwerk`. */
  kind: string;
  birth_year: number | null;
  /** `yyyy-mm-dd`, when known: from it follows when a young person turns 16 (ownRights.ts). */
  birth_date: string | null;
  /** How the person belongs to the family ("oma", "leerkracht van Daan"). */
  relation: Optional<string>;
  /** Taken out of the case; the row stays for the sections archived about them. */
  removed_at: Optional<string>;
}

export interface ParticipantsTable {
  case_id: string;
  user_id: string;
  role: string;
  organisation_id: string;
  person_id: string | null;
  added_at: string;
  removed_at: string | null;
}

export interface SectionsTable {
  id: string;
  case_id: string;
  catalogue_id: string;
  subject_person_id: string | null;
  owner_organisation_id: string | null;
  title: string;
  status: string;
  position: number;
  updated_at: string | null;
  updated_by: string | null;
  /** Set when the person the section is about left the case while it held something: kept, read only. */
  archived_at: Optional<string>;
}

export interface ConsentsTable {
  id: string;
  case_id: string;
  section_id: string;
  basis: string;
  /** JSON of the grantee (person, role or organisation). */
  grantee: string;
  reason: string;
  given_by: string;
  given_at: string;
  until: string | null;
  withdrawn_at: string | null;
}

export interface GrantsTable {
  id: string;
  case_id: string;
  section_id: string;
  user_id: string;
  level: string;
  reason: string;
  granted_by: string;
  granted_at: string;
}

export interface InvitationsTable {
  token_hash: string;
  case_id: string;
  email: string;
  name: string;
  role: string;
  organisation_id: string;
  person_id: string | null;
  created_by: string;
  created_at: string;
  used_at: string | null;
  /** Taken back by the regisseur: the link no longer works. */
  revoked_at: string | null;
  /** When the link stops working; older rows: `created_at` plus the term. */
  expires_at: string | null;
  /** How the mail went: `verstuurd`, `wacht` (tried again), `geen-smtp`, `opgegeven`. */
  mail_state: string | null;
}

/**
 * Append-only log of every accepted Yjs update: the document's history with its authors. Rows are
 * only rewritten to destroy what a removal request was about (history/destroyStored.ts).
 */
export interface DocUpdatesTable {
  id: Generated<number>;
  room: string;
  data: Uint8Array;
  user_id: string;
  /** Milliseconds since the epoch; a number so history queries can range over it cheaply. */
  created_at: ColumnType<number, number, never>;
}

/** Compacted state of a room covering every update with `id <= upto_id`. */
export interface DocSnapshotsTable {
  room: string;
  upto_id: number;
  data: Uint8Array;
  created_at: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  event: string;
  case_id: string | null;
  section_id: string | null;
  user_id: string | null;
  role: string | null;
  organisation_id: string | null;
  on_behalf_of: string | null;
  detail: string | null;
}

/** A party's confirmation of an `afspraak` block. */
export interface ConfirmationsTable {
  case_id: string;
  section_id: string;
  block_id: string;
  user_id: string;
  at: string;
}

/** A comment thread on a text range or block of a section. */
export interface CommentThreadsTable {
  id: string;
  case_id: string;
  section_id: string;
  /** JSON of the CommentAnchor (shared/comments.ts). */
  anchor: string;
  /** `professionals` or `iedereen`. */
  visibility: string;
  /** `reactie`, `correctieverzoek` or `verwijderverzoek` (ThreadKind). */
  kind: string;
  /** A request's answer (RequestOutcome), who gave it and when. */
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  thread_id: string;
  case_id: string;
  user_id: string;
  /** The author's role when writing. */
  role: string;
  body: string;
  at: string;
}

/** Every move of a section's status, with who, when and why (withdrawn approvals included). */
export interface StatusEventsTable {
  id: Generated<number>;
  case_id: string;
  section_id: string;
  from_status: string;
  to_status: string;
  user_id: string;
  at: string;
  reason: string;
  /** For a move to `gedeeld`: last day of the family's reaction period (YYYY-MM-DD). */
  reaction_until: string | null;
}

/** A gedragswetenschapper's approval, bound to the exact content approved. */
export interface ApprovalsTable {
  id: Generated<number>;
  case_id: string;
  section_id: string;
  approved_by: string;
  approved_at: string;
  /**
   * Base64 of `Y.encodeSnapshot` of the live document when approved: its state vector plus its
   * delete set (a deletion alone does not move the state vector, but it does change the content).
   */
  content_snapshot: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}
