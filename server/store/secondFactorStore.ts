import { isSealed, type SecretBox } from '../secrets/secretBox.ts';
import type { SqlStore } from './db.ts';

export interface StoredTotp {
  secret: string;
  confirmed: boolean;
}

/**
 * TOTP secrets and recovery codes (hashed) of accounts. A secret is kept sealed with the
 * server's key (AES-256-GCM, server/secrets/secretBox.ts); one kept before sealing is sealed the
 * first time it is read.
 */
export class SecondFactorStore {
  constructor(
    private readonly sql: SqlStore,
    private readonly box: SecretBox,
  ) {}

  /** Whether no `TAFEL_SECRET_KEY` is set: secrets would be sealed with the demo's fixed key or a key of this process. */
  get demoKey(): boolean {
    return this.box.demo || this.box.ephemeral;
  }

  /** Whether what is sealed now is lost at a restart (no key, outside the demo): no secret may be kept then. */
  get ephemeralKey(): boolean {
    return this.box.ephemeral;
  }

  async totp(userId: string): Promise<StoredTotp | undefined> {
    const row = await this.sql.db.selectFrom('totp_factors').select(['secret', 'confirmed_at']).where('user_id', '=', userId).executeTakeFirst();
    if (!row) return undefined;
    if (!isSealed(row.secret)) {
      await this.sql.db.updateTable('totp_factors').set({ secret: this.box.seal(row.secret) }).where('user_id', '=', userId).where('secret', '=', row.secret).execute();
    }
    return { secret: isSealed(row.secret) ? this.box.open(row.secret) : row.secret, confirmed: row.confirmed_at !== null };
  }

  /** Keeps a new, unconfirmed secret; a confirmed one is never replaced here. Returns whether it was kept. */
  async begin(userId: string, secret: string): Promise<boolean> {
    await this.sql.db.deleteFrom('totp_factors').where('user_id', '=', userId).where('confirmed_at', 'is', null).execute();
    await this.sql.db
      .insertInto('totp_factors')
      .values({ user_id: userId, secret: this.box.seal(secret), created_at: new Date().toISOString(), confirmed_at: null, last_step: null })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    // A confirmed secret stayed where it was: then this one was not kept.
    return (await this.totp(userId))?.secret === secret;
  }

  /** Confirms the secret with the step of its first right code and replaces the recovery codes, in one transaction. */
  async confirm(userId: string, step: number, recoveryHashes: readonly string[]): Promise<boolean> {
    return this.sql.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('totp_factors')
        .set({ confirmed_at: new Date().toISOString(), last_step: step })
        .where('user_id', '=', userId)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await trx
        .insertInto('recovery_codes')
        .values(recoveryHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
        .execute();
      return true;
    });
  }

  /**
   * Takes time step `step` as used, if it is later than the last one used: one statement, so
   * the same code cannot be used twice, even at two processes at once.
   */
  async takeStep(userId: string, step: number): Promise<boolean> {
    const r = await this.sql.db
      .updateTable('totp_factors')
      .set({ last_step: step })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Uses a recovery code once; false when there is no such unused code. */
  async spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const r = await this.sql.db
      .updateTable('recovery_codes')
      .set({ used_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
