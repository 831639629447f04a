import type { Kysely, Migration } from 'kysely';
import { addColumns, createTable } from './tables.ts';

/**
 * The directory kept by organisations, invitations that can be resent and revoked, mail that is
 * tried again, and cases that close:
 * - `beheerders`: who keeps an organisation's part of the directory (a role outside cases);
 * - `invitations.revoked_at` / `expires_at`: a link taken back, and when it stops working (a
 *   resent invitation gets a new link and a new end); `mail_state`: `verstuurd`, `wacht` (tried
 *   again later), `geen-smtp` or `opgegeven` (given up);
 * - `mail_queue`: mail the SMTP server did not take, kept (its text sealed, it holds a link) and
 *   tried again; the row is removed once it is sent or given up;
 * - `cases.reason`: why the case started; `closed_at`, `closed_by`, `close_reason`: a closed case
 *   is read-only, its retention term runs from `closed_at`.
 */
export const keepersInvitationsClosingMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await createTable(db, 'beheerders', 'user_id, organisation_id, added_at', ['user_id', 'organisation_id']).execute();
    await addColumns(db, 'invitations', 'revoked_at?, expires_at?, mail_state?');
    await createTable(db, 'mail_queue', 'id key, recipient, subject, sealed_text, invitation_hash?, attempts integer, next_attempt_at, created_at').execute();
    await addColumns(db, 'cases', 'reason?, closed_at?, closed_by?, close_reason?');
  },
};
