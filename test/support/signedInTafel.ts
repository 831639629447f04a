import { afterAll, beforeAll } from 'vitest';
import { demoEmail, type RunningTafel, requestAs, type StartOptions, signIn, startTafel } from './tafelServer.ts';

/**
 * A Tafel for one suite: started before its tests with these demo accounts signed in, and closed
 * after them (after the suite's own `afterAll`, which runs first). Read `server` and `cookie`
 * inside the tests; `api(who, …)` sends a request with that account's session.
 */
export function signedInTafel(accounts: readonly string[], options: StartOptions = {}) {
  let running: RunningTafel | undefined;
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    running = await startTafel(options);
    for (const who of accounts) cookie[who] = await signIn(running.http, demoEmail(who));
  });
  afterAll(() => running?.close());
  const started = () => {
    if (!running) throw new Error('the suite’s Tafel is read before it started');
    return running;
  };
  const server: RunningTafel = {
    get tafel() {
      return started().tafel;
    },
    get port() {
      return started().port;
    },
    get http() {
      return started().http;
    },
    get ws() {
      return started().ws;
    },
    close: () => started().close(),
  };
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  return { server, cookie, api };
}
