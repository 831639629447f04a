import { afterAll, beforeAll } from 'vitest';
import { type SmtpOptions, startSmtp, type TestSmtp } from './smtpServer.ts';

/**
 * A test SMTP server for the tests of a suite: started before them (before the suite's own
 * `beforeAll`, when called first) and closed after them. What it returns stands for the running
 * server: read and set it inside the tests.
 */
export function suiteSmtp(options?: SmtpOptions): TestSmtp {
  let running: TestSmtp | undefined;
  beforeAll(async () => {
    running = await startSmtp(options);
  });
  afterAll(() => running?.close());
  const current = () => {
    if (!running) throw new Error('the suite’s SMTP server is read before it started');
    return running;
  };
  return new Proxy({} as TestSmtp, {
    get: (_, key) => Reflect.get(current(), key),
    set: (_, key, value) => Reflect.set(current(), key, value),
  });
}
