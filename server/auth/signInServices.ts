import type { Config } from '../config.ts';
import type { Directory } from '../directory/directory.ts';
import type { Invitations } from '../participants/invitations.ts';
import { AccountStore } from '../store/accountStore.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SqlStore } from '../store/db.ts';
import { type SecretBox, secretBoxFor } from '../secrets/secretBox.ts';
import { SecondFactorStore } from '../store/secondFactorStore.ts';
import { PendingLogins } from './oidcPending.ts';
import { OidcSignIn } from './oidcSignIn.ts';
import { SecondFactor } from './secondFactor.ts';

/** The sign-in part of `Services`, wired from the settings (`TAFEL_OIDC`, `TAFEL_REQUIRE_TOTP`, `TAFEL_SECRET_KEY`). */
export function signInServices(d: {
  sql: SqlStore;
  cases: CaseStore;
  directory: Directory;
  invitations: Invitations;
  config: Config;
  publicOrigin: () => string;
}): { accounts: AccountStore; secondFactor: SecondFactor; oidc: OidcSignIn; secrets: SecretBox } {
  const accounts = new AccountStore(d.sql);
  const secrets = secretBoxFor(d.config.TAFEL_SECRET_KEY, d.config.TAFEL_NO_DEMO === 'true');
  return {
    accounts,
    secrets,
    secondFactor: new SecondFactor(new SecondFactorStore(d.sql, secrets), d.cases, d.config.TAFEL_REQUIRE_TOTP),
    oidc: new OidcSignIn({
      settings: d.config.TAFEL_OIDC,
      accounts,
      directory: d.directory,
      invitations: d.invitations,
      pending: new PendingLogins(d.sql),
      publicOrigin: d.publicOrigin,
    }),
  };
}
