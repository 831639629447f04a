import path from 'node:path';
import { z } from 'zod';

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
  /** Skip seeding the demo case into an empty store. */
  TAFEL_NO_DEMO: z.enum(['true', 'false']).default('false'),
  /** How often (ms) to look for emergency accesses ended outside this process. */
  TAFEL_EMERGENCY_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Ongeldige instelling ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { ...parsed.data, TAFEL_DATA_DIR: path.resolve(parsed.data.TAFEL_DATA_DIR) };
}
