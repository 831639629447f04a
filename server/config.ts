import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { OidcSettingsJson } from './auth/oidcSettings.ts';
import { DEFAULT_RETENTION_YEARS } from '../shared/caseClosing.ts';
import { RetentionYears } from '../shared/retention.ts';
import { secretKeyBytes } from './secrets/secretBox.ts';

/** Server settings from the environment, validated once at start. */
export const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  TAFEL_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL schema to use (tests give each run its own). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  REDIS_URL: z.string().url().optional(),
  /** Extra browser origins allowed to open sync sockets, comma separated. */
  TAFEL_ALLOWED_ORIGINS: z.string().default(''),
  /** Public URL (for invitation links) when behind a proxy. */
  TAFEL_PUBLIC_URL: z.string().url().optional(),
  TAFEL_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * The proxies whose `X-Forwarded-For` is believed, comma separated: addresses, CIDR ranges, or
   * `loopback` / `linklocal` / `uniquelocal`. Empty: the header is ignored and the client address
   * is the connection's.
   */
  TAFEL_TRUST_PROXY: z
    .string()
    .default('')
    .refine((v) => trustedProxies(v).every(isProxyEntry), 'verwacht adressen of CIDR-reeksen, komma-gescheiden'),
  /** Shows the counts of `/api/health` to `Authorization: Bearer <token>`; without it, nobody sees them. */
  TAFEL_HEALTH_TOKEN: z.string().min(16, 'minstens 16 tekens').optional(),
  /** How much the server logs (JSON lines on stdout); `silent` for nothing. */
  TAFEL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Skip seeding the demo case into an empty store. */
  TAFEL_NO_DEMO: z.enum(['true', 'false']).default('false'),
  /**
   * Sign-in through OpenID Connect, as JSON: `{ "professionals": [{ "organisationId", "issuer",
   * "clientId", "clientSecret", "claim"?, "label"? }], "family": { "issuer", "clientId",
   * "clientSecret", "acrLevels"?, "minimumAcr"? } }` (server/auth/oidcSettings.ts; docs/operations.md).
   */
  TAFEL_OIDC: OidcSettingsJson,
  /**
   * A second factor (TOTP) for professionals who sign in with a password: `true`, `false`, or
   * `auto` (default): required, unless this store holds the seeded demo, whose passwords are public.
   */
  TAFEL_REQUIRE_TOTP: z.enum(['true', 'false', 'auto']).default('auto'),
  /**
   * The key that seals secrets at rest (TOTP secrets, mail waiting to be sent again) with
   * AES-256-GCM: 32 random bytes as base64 or hex (`openssl rand -base64 32`). Required when a
   * second factor is (docs/operations.md); the demo runs without it.
   */
  TAFEL_SECRET_KEY: z
    .string()
    .refine((v) => secretKeyBytes(v) !== undefined, 'verwacht 32 bytes als base64 (44 tekens) of hex (64 tekens); maak er een met: openssl rand -base64 32')
    .optional(),
  /**
   * The SMTP server for invitations and notices: `smtp://[user:pass@]host:port`, or `smtps://` for
   * TLS from the start. Without it no mail leaves: the log says to whom one was not sent.
   */
  TAFEL_SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:$/.test(new URL(v).protocol), 'verwacht smtp://host:poort of smtps://host:poort')
    .optional(),
  /** The sender of Tafel's e-mail. */
  TAFEL_MAIL_FROM: z.string().min(3).default('Tafel <no-reply@tafel.invalid>'),
  /** How often (ms) to look for emergency accesses ended outside this process. */
  TAFEL_EMERGENCY_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** How often (ms) to send the notice mails that are due; 0: not in this process. */
  TAFEL_NOTICE_SEND_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** How often (ms) to sweep for notices that come from time passing (deadlines, periods); 0: not in this process. */
  TAFEL_NOTICE_SWEEP_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /**
   * Years a closed case is kept before it is destroyed, for organisations without a term of their
   * own (Jeugdwet art. 7.3.8; `npm run beheer -- termijn` or the page "Beheer" set one per organisation).
   */
  TAFEL_RETENTION_YEARS: RetentionYears.default(DEFAULT_RETENTION_YEARS),
});
export type Config = z.infer<typeof Config>;

/** `TAFEL_TRUST_PROXY` as the list Fastify's `trustProxy` takes. */
export function trustedProxies(setting: string): string[] {
  return setting
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Ongeldige instelling ${issue?.path.join('.')}: ${issue?.message}`);
  }
  if (parsed.data.TAFEL_REQUIRE_TOTP === 'true' && !parsed.data.TAFEL_SECRET_KEY) {
    throw new Error('Ontbrekende instelling TAFEL_SECRET_KEY: met TAFEL_REQUIRE_TOTP=true worden TOTP-geheimen versleuteld bewaard; zet een sleutel van 32 bytes (openssl rand -base64 32), zie docs/operations.md.');
  }
  return { ...parsed.data, TAFEL_DATA_DIR: path.resolve(parsed.data.TAFEL_DATA_DIR) };
}
