import type { Kysely, Migration } from 'kysely';

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
    await db.schema
      .createTable('beheerders')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('beheerders_pk', ['user_id', 'organisation_id'])
      .execute();
    // One column per statement: SQLite adds one at a time.
    await db.schema.alterTable('invitations').addColumn('revoked_at', 'text').execute();
    await db.schema.alterTable('invitations').addColumn('expires_at', 'text').execute();
    await db.schema.alterTable('invitations').addColumn('mail_state', 'text').execute();
    await db.schema
      .createTable('mail_queue')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('sealed_text', 'text', (c) => c.notNull())
      .addColumn('invitation_hash', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('cases').addColumn('reason', 'text').execute();
    await db.schema.alterTable('cases').addColumn('closed_at', 'text').execute();
    await db.schema.alterTable('cases').addColumn('closed_by', 'text').execute();
    await db.schema.alterTable('cases').addColumn('close_reason', 'text').execute();
  },
};
