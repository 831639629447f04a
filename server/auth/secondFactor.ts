import { createHmac, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { TotpEnrolment } from '../../shared/signIn.ts';
import { DEMO_CASE_ID } from '../seed/demoCase.ts';
import { type Account, hasPassword } from '../store/accountStore.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SecondFactorStore } from '../store/secondFactorStore.ts';
import type { PendingStage } from './sessions.ts';

/** `TAFEL_REQUIRE_TOTP`: see server/config.ts and docs/security.md. */
export type TotpSetting = 'true' | 'false' | 'auto';

const RECOVERY_CODES = 10;
/** Codes of the step before and after count too: clocks of phones drift. */
const WINDOW = 1;

const totpOf = (secret: string, label = '') => new TOTP({ issuer: 'Tafel', label, secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

/** A recovery code as typed: case, spaces and dashes do not matter. */
const normalRecovery = (code: string) => code.toUpperCase().replace(/[^A-Z2-7]/g, '');

/**
 * The second factor of a professional (or a beheerder) with a password: TOTP (RFC 6238, any authenticator app)
 * with one-time recovery codes. Identity-provider sign-ins bring their own (the organisation's
 * MFA, DigiD's level), so only local passwords need this.
 */
export class SecondFactor {
  constructor(
    private readonly store: SecondFactorStore,
    private readonly cases: CaseStore,
    private readonly setting: TotpSetting,
  ) {}

  /** Which second-factor step this account's right password leads to, or null for none. */
  async stepAfterPassword(account: Account): Promise<PendingStage | null> {
    // Once set up, a factor is always asked for, whatever the setting.
    if ((await this.store.totp(account.id))?.confirmed) return 'totp';
    if ((account.role === null && !account.keeps) || !hasPassword(account) || !(await this.requiredForProfessionals())) return null;
    return 'totp-enrol';
  }

  /**
   * Refuses to run without `TAFEL_SECRET_KEY` outside the demo: where a second factor is required
   * (its secrets would be sealed with the demo's fixed key) or with `TAFEL_NO_DEMO=true`. `npm start`
   * calls this once the store is ready.
   */
  async assertKeyConfigured(): Promise<void> {
    if (this.store.ephemeralKey || (this.store.demoKey && (await this.requiredForProfessionals()))) {
      throw new Error('Ontbrekende instelling TAFEL_SECRET_KEY: buiten de demo worden TOTP-geheimen en wachtende mail versleuteld bewaard; zet een sleutel van 32 bytes (openssl rand -base64 32), zie docs/operations.md.');
    }
  }

  /** A new secret for this account (replacing an unconfirmed one); undefined when one is set up already. */
  async begin(account: Account): Promise<TotpEnrolment | undefined> {
    await this.assertKeyConfigured();
    const secret = new Secret({ size: 20 }).base32;
    if (!(await this.store.begin(account.id, secret))) return undefined;
    return { secret, uri: totpOf(secret, account.email).toString() };
  }

  /** Confirms the new secret with its first code; returns the recovery codes, shown this once, or null for a wrong code. */
  async confirm(userId: string, code: string): Promise<string[] | null> {
    const stored = await this.store.totp(userId);
    if (!stored || stored.confirmed) return null;
    const step = stepOf(stored.secret, code);
    if (step === null) return null;
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    return (await this.store.confirm(userId, step, codes.map((c) => recoveryHash(userId, c)))) ? codes : null;
  }

  /** Checks a code from the app (each at most once) or a recovery code (each once). */
  async verify(userId: string, code: string): Promise<boolean> {
    const stored = await this.store.totp(userId);
    if (!stored?.confirmed) return false;
    if (/^\d{6}$/.test(code.trim())) {
      const step = stepOf(stored.secret, code.trim());
      return step !== null && this.store.takeStep(userId, step);
    }
    const normal = normalRecovery(code);
    return normal.length === 12 && this.store.spendRecoveryCode(userId, recoveryHash(userId, normal));
  }

  private async requiredForProfessionals(): Promise<boolean> {
    if (this.setting !== 'auto') return this.setting === 'true';
    // The demo's passwords are printed at start and written in the README: a second factor would
    // protect nothing there, and the demo sign-in contract (DESIGN.md) must keep working.
    return (await this.cases.caseById(DEMO_CASE_ID)) === undefined;
  }
}

/** The time step a right code belongs to, or null. */
function stepOf(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code.trim())) return null;
  const totp = totpOf(secret);
  const now = Date.now();
  const delta = totp.validate({ token: code.trim(), timestamp: now, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/** 12 characters of base32 (60 random bits), shown as XXXX-XXXX-XXXX. */
function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Keyed by the account, so one table of hashes does not serve for every account at once. */
function recoveryHash(userId: string, code: string): string {
  return createHmac('sha256', userId).update(normalRecovery(code)).digest('base64url');
}
