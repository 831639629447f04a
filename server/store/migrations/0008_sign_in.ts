import type { Kysely, Migration } from 'kysely';
import { createTable } from './tables.ts';

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
    await createTable(db, 'identities', 'issuer, subject, user_id, linked_at', ['issuer', 'subject']).execute();
    await db.schema.createIndex('identities_user').on('identities').column('user_id').execute();
    await createTable(db, 'oidc_logins', 'id_hash key, provider, state, nonce, code_verifier, invitation_token?, created_at').execute();
    await createTable(db, 'totp_factors', 'user_id key, secret, created_at, confirmed_at?, last_step bigint?').execute();
    await createTable(db, 'recovery_codes', 'user_id, code_hash, used_at?', ['user_id', 'code_hash']).execute();
    await db.schema.alterTable('sessions').addColumn('stage', 'text', (c) => c.notNull().defaultTo('full')).execute();
  },
};
