import type { Config } from '../config.ts';
import type { Directory } from '../directory/directory.ts';
import type { Invitations } from '../participants/invitations.ts';
import { AccountStore } from '../store/accountStore.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SqlStore } from '../store/db.ts';
import { SecondFactorStore } from '../store/secondFactorStore.ts';
import { PendingLogins } from './oidcPending.ts';
import { OidcSignIn } from './oidcSignIn.ts';
import { SecondFactor } from './secondFactor.ts';

/** The sign-in part of `Services`, wired from the settings (`TAFEL_OIDC`, `TAFEL_REQUIRE_TOTP`). */
export function signInServices(d: {
  sql: SqlStore;
  cases: CaseStore;
  directory: Directory;
  invitations: Invitations;
  config: Config;
  publicOrigin: () => string;
}): { accounts: AccountStore; secondFactor: SecondFactor; oidc: OidcSignIn } {
  const accounts = new AccountStore(d.sql);
  return {
    accounts,
    secondFactor: new SecondFactor(new SecondFactorStore(d.sql), d.cases, d.config.TAFEL_REQUIRE_TOTP),
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
