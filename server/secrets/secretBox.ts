import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The prefix of a sealed value: the format version, so a later key or cipher can be told apart. */
const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals secrets kept at rest (TOTP secrets, mail waiting to be sent again) with AES-256-GCM and
 * the key of `TAFEL_SECRET_KEY`: a copy of the database alone does not give them away, and a
 * sealed value that was changed fails to open instead of opening wrong. Each value has its own
 * random IV; the sealed form is `v1:` + base64url(iv | tag | ciphertext).
 */
export class SecretBox {
  private constructor(
    private readonly key: Buffer,
    /** Sealed with the demo's fixed key: fine for the demo, whose passwords are public, and nothing else. */
    readonly demo: boolean,
    /** A random key of this process only: what it seals cannot be opened after a restart. */
    readonly ephemeral = false,
  ) {}

  /** A box with the configured key (32 bytes, see `secretKeyBytes`). */
  static withKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('TAFEL_SECRET_KEY: verwacht 32 bytes');
    return new SecretBox(key, false);
  }

  /**
   * Without a key outside the demo (`TAFEL_NO_DEMO=true`): nothing is derived from a constant; a
   * random key for this process seals what must wait (mail to try again), and is lost at a restart.
   */
  static ephemeralBox(): SecretBox {
    return new SecretBox(randomBytes(32), false, true);
  }

  /**
   * The demo's box, when no key is configured and nothing real is kept: its key is derived from
   * a constant, so it protects nothing (docs/operations.md says how to set a real one).
   */
  static demoBox(): SecretBox {
    return new SecretBox(createHash('sha256').update('tafel-demo: geen geheime sleutel').digest(), true);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
  }

  /** The plain value; throws when it was sealed with another key or changed since. */
  open(sealed: string): string {
    if (!isSealed(sealed)) throw new Error('not a sealed value');
    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/** Whether a stored value is sealed (older TOTP secrets were kept as they were). */
export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

/** `TAFEL_SECRET_KEY` as bytes: 32 bytes written as base64 (44 characters) or hex (64); undefined when it is neither. */
export function secretKeyBytes(setting: string): Buffer | undefined {
  const text = setting.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

/**
 * The box for this configuration: the configured key; without one, the demo's fixed key where the
 * demo may run, and a random key of this process where it may not (`noDemo`), so that nothing
 * secret comes from a constant outside the demo. (`TAFEL_REQUIRE_TOTP=true` without a key is
 * refused when the configuration is read, server/config.ts.)
 */
export function secretBoxFor(setting: string | undefined, noDemo = false): SecretBox {
  const key = setting ? secretKeyBytes(setting) : undefined;
  if (key) return SecretBox.withKey(key);
  return noDemo ? SecretBox.ephemeralBox() : SecretBox.demoBox();
}
