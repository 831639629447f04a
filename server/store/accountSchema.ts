/** Row types of the organisations, signing in, the directory's keepers and the mail queue. */
import type { ColumnType } from 'kysely';

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** `full`, or `totp` / `totp-enrol`: the password was right, the second factor is still to come. */
  stage: ColumnType<string, string | undefined, string>;
}

/** An account's identity at an OpenID Connect issuer (the family's DigiD broker): `sub` is only unique per issuer. */
export interface IdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  linked_at: string;
}

/** A sign-in sent to an issuer, not back yet; the row's id is the hash of a cookie of that browser. */
export interface OidcLoginsTable {
  id_hash: string;
  /** An organisation id, or `gezin` for the family's issuer. */
  provider: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** The invitation this sign-in accepts (a family member's first sign-in). */
  invitation_token: string | null;
  created_at: string;
}

/** The TOTP secret of an account; unconfirmed until its first code was right. */
export interface TotpFactorsTable {
  user_id: string;
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The last time step a code was accepted for: no code is accepted twice. */
  last_step: number | null;
}

/** One-time recovery codes for a lost authenticator; only their hash is kept. */
export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

/** Who keeps an organisation's part of the directory: the `beheerder` role, outside cases. */
export interface BeheerdersTable {
  user_id: string;
  organisation_id: string;
  added_at: string;
}

/** Mail the SMTP server did not take yet: tried again until sent or given up (server/mail/mailQueue.ts). */
export interface MailQueueTable {
  id: string;
  /** Needed to send; never written to the log. */
  recipient: string;
  subject: string;
  /** The text sealed with the server's key (it holds a sign-in link). */
  sealed_text: string;
  /** The invitation the mail is for (its token hash), whose `mail_state` follows the outcome. */
  invitation_hash: string | null;
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  /** The Message-ID every try carries (`<id.random@public host>`); null for a row queued before it was kept. */
  message_id: string | null;
}

/** Directory: an organisation in the chain (lokaal team, Veilig Thuis, Raad, GI, GGZ, ...). */
export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  region: string;
  /** Years a closed case is kept for this organisation; null: the deployment's default (migration 0016). */
  retention_years: ColumnType<number | null, number | null | undefined, number | null>;
}
