import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import * as Y from 'yjs';
import { createTafel, type Tafel } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Logger } from '../../server/log.ts';
import { seedDemo } from '../../server/seed/demoCase.ts';
import { type CaseId, OrganisationId, roomName, type SectionInstanceId, UserId } from '../../shared/ids.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';

export interface RunningTafel {
  tafel: Tafel;
  port: number;
  http: string;
  ws: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** PostgreSQL URL; each server started with it gets a fresh schema unless `schema` is given. */
  databaseUrl?: string;
  schema?: string;
  redisUrl?: string;
  dataDir?: string;
  /** More server settings, as environment variables (see server/config.ts). */
  settings?: Record<string, string>;
  /** The server's logger (a test that reads the log lines makes one with `createLogger`). */
  logger?: Logger;
}

/** A real Tafel server in this process on a random port, with the demo case seeded. */
export async function startTafel(opts: StartOptions = {}): Promise<RunningTafel> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-test-'));
  // Quiet unless asked: `TAFEL_LOG_LEVEL=debug npx vitest run …` shows the server's log lines.
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', TAFEL_DATA_DIR: dataDir, TAFEL_LOG_LEVEL: process.env.TAFEL_LOG_LEVEL ?? 'silent' };
  // A schema made here is this server's alone and is dropped when it closes; one passed in is the
  // caller's to keep (a restart on the same data) and to drop.
  const ownSchema = opts.databaseUrl && !opts.schema ? freshSchema() : null;
  if (opts.databaseUrl) {
    env.DATABASE_URL = opts.databaseUrl;
    env.DATABASE_SCHEMA = opts.schema ?? ownSchema!;
  }
  if (opts.redisUrl) env.REDIS_URL = opts.redisUrl;
  Object.assign(env, opts.settings);
  const tafel = await createTafel(loadConfig(env), opts.logger);
  await seedDemo(tafel.services.sql);
  const port = await tafel.listen();
  return {
    tafel,
    port,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    async close() {
      await tafel.close();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (ownSchema) await dropSchema(opts.databaseUrl!, ownSchema);
    },
  };
}

/**
 * The stores a suite runs on, as `describe.each` rows: SQLite always, PostgreSQL when
 * `TEST_DATABASE_URL` is set (otherwise it says why that variant is skipped). Each row's
 * `options` go to `startTafel`.
 */
export function storesToTry(suite: string): { store: string; options: StartOptions }[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) console.warn(`${suite} on PostgreSQL skipped: TEST_DATABASE_URL is not set`);
  return [{ store: 'SQLite', options: {} }, ...(url ? [{ store: 'PostgreSQL', options: { databaseUrl: url } }] : [])];
}

/**
 * Two Tafel processes on one fresh PostgreSQL schema and one Redis, started before a suite's tests
 * (the second finds the schema migrated and the demo seeded) and closed after them, schema and all.
 * Read `a` and `b` inside the tests.
 */
export function twoProcesses(databaseUrl: string, redisUrl: string): { readonly a: RunningTafel; readonly b: RunningTafel } {
  const schema = freshSchema();
  let a: RunningTafel | undefined;
  let b: RunningTafel | undefined;
  beforeAll(async () => {
    a = await startTafel({ databaseUrl, schema, redisUrl });
    b = await startTafel({ databaseUrl, schema, redisUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await dropSchema(databaseUrl, schema);
  });
  return {
    get a() {
      return a!;
    },
    get b() {
      return b!;
    },
  };
}

/**
 * A suite on `twoProcesses`, on `TEST_DATABASE_URL` and `TEST_REDIS_URL`; without both it is
 * skipped, and says which is missing.
 */
export function describeAcrossProcesses(title: string, tests: (processes: { readonly a: RunningTafel; readonly b: RunningTafel }) => void): void {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  const missing = !databaseUrl ? 'TEST_DATABASE_URL is not set' : !redisUrl ? 'TEST_REDIS_URL is not set' : null;
  if (missing) console.warn(`${title} skipped: ${missing}`);
  describe.skipIf(missing !== null)(title, () => tests(twoProcesses(databaseUrl!, redisUrl!)));
}

/** Drops a test schema and everything in it (only names `freshSchema` makes). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^t_\d+_[a-z0-9]+$/.test(schema)) throw new Error(`refusing to drop schema ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
}

export function freshSchema(): string {
  return `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The `Origin` a browser on Tafel's own page sends with every change (POST/PUT/PATCH/DELETE);
 * Node's fetch sends none, and the server refuses a change without it.
 */
export const ownOrigin = (http: string) => ({ origin: new URL(http).origin });

/** Signs in a demo account and returns the `Cookie` header value. */
export async function signIn(http: string, email: string, password = 'tafel-demo'): Promise<string> {
  const res = await fetch(`${http}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ownOrigin(http) },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

export const demoEmail = (account: string) => `${account}@demo.tafel`;

/** A request to a running Tafel as one signed-in person (their session cookie), with a JSON body if given. */
export function requestAs(http: string, cookie: string, method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${http}${url}`, {
    method,
    headers: { cookie, ...ownOrigin(http), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/**
 * A change to a demo section stored by the server itself (as the regisseur), past the content
 * guard, as content stored long ago would be.
 */
export async function serverEdit(server: RunningTafel, sectionId: string, change: (fragment: Y.XmlFragment) => void): Promise<void> {
  const { documents } = server.tafel.services;
  const room = roomName('demo' as CaseId, sectionId as SectionInstanceId);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, await documents.read(room, (live) => Y.encodeStateAsUpdate(live)));
  const before = Y.encodeStateVector(copy);
  change(copy.getXmlFragment(DOC_FIELD));
  await documents.applyServerEdit('demo', sectionId, { userId: UserId.parse('regisseur'), name: 'Eva Jansen', role: 'regisseur', organisationId: OrganisationId.parse('lokaal-team-almere') }, Y.encodeStateAsUpdate(copy, before));
}

/** Appends a paragraph with this text to a demo section, stored by the server. */
export function serverAppend(server: RunningTafel, sectionId: string, text: string): Promise<void> {
  return serverEdit(server, sectionId, (f) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    f.push([paragraph]);
  });
}

/**
 * Runs `run` with the server's clock (`services.now`, for rules about today such as the day a Tafel
 * may begin) at this instant, then gives it the real clock back.
 */
export async function atInstant<T>(server: RunningTafel, instant: string, run: () => Promise<T>): Promise<T> {
  const { services } = server.tafel;
  services.now = () => new Date(instant);
  try {
    return await run();
  } finally {
    services.now = () => new Date();
  }
}
