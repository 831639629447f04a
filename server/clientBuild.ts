import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from './log.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = path.join(ROOT, 'dist/client/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client with Vite when there is no build or the sources are newer than it. */
export async function ensureClientBuilt(log?: Logger): Promise<void> {
  const built = fs.existsSync(DIST_INDEX) ? fs.statSync(DIST_INDEX).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(ROOT, 'client')), newestMtime(path.join(ROOT, 'shared')));
  // Whole milliseconds: the build's time is set from the sources' below, which keeps no finer part.
  if (Math.floor(built) >= Math.floor(sources)) return;
  log?.info('Client bouwen…');
  const { build } = await import('vite');
  // Build beside the live copy and swap it in, so a server already running (or another process
  // building at the same moment) never serves a half-written or empty client.
  const target = path.dirname(DIST_INDEX);
  const fresh = `${target}.build-${process.pid}`;
  // Always React's production build, even when called under vitest (NODE_ENV=test).
  const callerEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir: fresh, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = callerEnv;
  }
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(fresh, target);
  fs.rmSync(old, { recursive: true, force: true });
  // The build is as new as the sources it started from: a file saved while it ran is newer, so
  // the next call builds again instead of serving a client without that change.
  fs.utimesSync(DIST_INDEX, new Date(), new Date(Math.floor(sources)));
}
