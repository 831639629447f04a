import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type ChildTafel, startChildTafel } from './childServer.ts';

/**
 * Child Tafels on one data dir for the tests of a suite, so a restart finds what the killed or
 * stopped one stored. The dir is made now; after the tests the child last started is stopped and
 * the dir removed.
 */
export function childrenOnDataDir(prefix: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let last: ChildTafel | undefined;
  afterAll(async () => {
    await last?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    /** A child on the suite's data dir, on this port, with these further settings. */
    async start(port: number, settings: Record<string, string> = {}): Promise<ChildTafel> {
      last = await startChildTafel({ PORT: String(port), TAFEL_DATA_DIR: dataDir, ...settings });
      return last;
    },
  };
}
