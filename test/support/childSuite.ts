import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type ChildTafel, freePort, startChildTafel } from './childServer.ts';

/**
 * Child Tafels on one data dir for the tests of a suite, so a restart finds what the killed or
 * stopped one stored. The dir is made now; after the tests the child last started is stopped and
 * the dir removed.
 */
export function childrenOnDataDir(prefix: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let port = 0;
  let last: ChildTafel | undefined;
  const startOnPort = async (settings: Record<string, string>) => {
    last = await startChildTafel({ PORT: String(port), TAFEL_DATA_DIR: dataDir, ...settings });
    return last;
  };
  afterAll(async () => {
    await last?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    /** A child on the suite's data dir, on a free port of its own, with these further settings. */
    async start(settings: Record<string, string> = {}): Promise<ChildTafel> {
      port = await freePort();
      return startOnPort(settings);
    },
    /** A child on the data dir and the port of the one started last, as after a restart. */
    restart: (settings: Record<string, string> = {}): Promise<ChildTafel> => startOnPort(settings),
  };
}
