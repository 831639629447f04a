import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in through an identity provider and a second factor for local passwords:
 * - `identities`: an account's identity at an OpenID Connect issuer (the family's DigiD broker),
 *   linked once through an invitation;
 * - `oidc_logins`: a sign-in that went to an issuer and has not come back yet (state, nonce and
 *   PKCE verifier, bound to the browser by a cookie), used once;
 * - `totp_factors` and `recovery_codes`: the second factor of a professional with a password;
 * - `sessions.stage`: `full`, or a password checked and a second factor still to come.
 */
export const signInMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('identities')
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('identities_pk', ['issuer', 'subject'])
      .execute();
    await db.schema.createIndex('identities_user').on('identities').column('user_id').execute();
    await db.schema
      .createTable('oidc_logins')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('invitation_token', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('totp_factors')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('last_step', 'bigint')
      .execute();
    await db.schema
      .createTable('recovery_codes')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
      .execute();
    await db.schema.alterTable('sessions').addColumn('stage', 'text', (c) => c.notNull().defaultTo('full')).execute();
  },
};
