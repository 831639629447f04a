import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotices } from '../../server/notices/noticeService.ts';
import { notify } from '../../server/notices/notices.ts';
import { noticeDb } from '../../server/notices/noticeTables.ts';
import type { SqlStore } from '../../server/store/db.ts';
import { addDays } from '../../shared/calendar/werkdagen.ts';
import { freshSchema, type RunningTafel, type StartOptions, startTafel, storesToTry } from '../support/tafelServer.ts';
import { recipientOf, type TestSmtp } from '../support/smtpServer.ts';
import { suiteSmtp } from '../support/suiteSmtp.ts';

const USERS = ['regisseur', 'vt', 'raad', 'gi', 'gw', 'moeder', 'vader', 'jeugdige'];

/** `count` notices, each with its own date so every mail's text is its own. */
async function queue(s: { sql: SqlStore }, count: number, at = new Date()): Promise<void> {
  for (let i = 0; i < count; i++) {
    await notify(s, { kind: 'tafel-uitgenodigd', userId: USERS[i % USERS.length]!, caseId: 'demo', link: '/zaken/demo', until: addDays('2027-01-04', i), at });
  }
}

const mailsIn = (s: { sql: SqlStore }) => noticeDb(s.sql).selectFrom('notice_mails').selectAll().orderBy('id').execute();
/** What identifies a mail: who got it and its sentence. */
const identity = (smtp: TestSmtp) => smtp.received.map((m) => `${recipientOf(m)} ${m.text?.split('\n')[2]}`);

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(storesToTry('notice outbox'))('the notice outbox on $store', ({ options }) => {
  const smtp = suiteSmtp();

  it('SMTP down: the mail waits with its error and a later next attempt, and goes once the server is back', async () => {
    smtp.received.length = 0;
    smtp.refusing = true;
    const server = await startTafel({ ...options, settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0', TAFEL_HEALTH_TOKEN: 'meet-token-1234567890' } });
    let clock = new Date('2027-01-04T09:00:00Z');
    const loops = startNotices(server.tafel.services, { now: () => clock, sendEveryMs: 0, sweepEveryMs: 0 });
    const gauge = async () => Number(/^tafel_notice_mails_queued (\d+)$/m.exec(await (await fetch(`${server.http}/metrics`, { headers: { authorization: 'Bearer meet-token-1234567890' } })).text())?.[1]);
    try {
      await queue(server.tafel.services, 1, clock);
      expect(await gauge()).toBe(1);
      expect(await loops.outbox.deliverDue()).toBe(0);
      let [row] = await mailsIn(server.tafel.services);
      expect(row).toMatchObject({ state: 'wacht', attempts: 1, last_error: 'de mailserver was niet bereikbaar of weigerde de mail', next_attempt_at: '2027-01-04T09:00:30.000Z' });
      // Not before its next attempt; then a longer wait.
      clock = new Date('2027-01-04T09:00:20Z');
      expect(await loops.outbox.deliverDue()).toBe(0);
      expect((await mailsIn(server.tafel.services))[0]!.attempts).toBe(1);
      clock = new Date('2027-01-04T09:00:31Z');
      await loops.outbox.deliverDue();
      [row] = await mailsIn(server.tafel.services);
      expect(row).toMatchObject({ state: 'wacht', attempts: 2, next_attempt_at: '2027-01-04T09:01:31.000Z' });
      smtp.refusing = false;
      clock = new Date('2027-01-04T09:02:00Z');
      expect(await loops.outbox.deliverDue()).toBe(1);
      [row] = await mailsIn(server.tafel.services);
      expect(row).toMatchObject({ state: 'verstuurd', attempts: 3, last_error: null, sent_at: '2027-01-04T09:02:00.000Z' });
      expect(smtp.received).toHaveLength(1);
      expect(await gauge()).toBe(0);
    } finally {
      smtp.refusing = false;
      await loops.close();
      await server.close();
    }
  });

  it('a restart in the middle of a batch sends nothing twice and forgets nothing', async () => {
    smtp.received.length = 0;
    smtp.started = 0;
    smtp.delayMs = 150;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-outbox-'));
    const shared: StartOptions = { ...options, dataDir, ...(options.databaseUrl ? { schema: freshSchema() } : {}) };
    const settings = { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '50', TAFEL_NOTICE_SWEEP_MS: '0' };
    let first: RunningTafel | null = await startTafel({ ...shared, settings });
    try {
      await queue(first.tafel.services, 8);
      await until('the batch to be under way', async () => smtp.started >= 3);
      // A deploy restart: the mail in hand is finished, no other is taken.
      await first.close();
      first = null;
      const taken = smtp.received.length;
      expect(taken).toBeGreaterThanOrEqual(2);
      expect(taken).toBeLessThan(8);
      // The second process sends only once the checks below are made, so none races them.
      const second = await startTafel({ ...shared, settings: { ...settings, TAFEL_NOTICE_SEND_MS: '0' } });
      let sending: ReturnType<typeof startNotices> | null = null;
      try {
        const left = await mailsIn(second.tafel.services);
        expect(left.filter((m) => m.state === 'bezig')).toEqual([]);
        expect(left.filter((m) => m.state === 'verstuurd')).toHaveLength(taken);
        // And a process that died holding a claim: its mail is taken over once the claim ran out.
        const waiting = left.find((m) => m.state === 'wacht')!;
        await noticeDb(second.tafel.services.sql).updateTable('notice_mails').set({ state: 'bezig', claimed_by: 'outbox-dood', claimed_until: new Date(Date.now() - 1000).toISOString(), attempts: 1 }).where('id', '=', waiting.id).execute();
        sending = startNotices(second.tafel.services, { sendEveryMs: 50, sweepEveryMs: 0 });
        await until('every mail to be sent', async () => (await mailsIn(second.tafel.services)).every((m) => m.state === 'verstuurd'));
        expect(smtp.received).toHaveLength(8);
        expect(new Set(identity(smtp)).size).toBe(8);
      } finally {
        await sending?.close();
        await second.close();
      }
    } finally {
      await first?.close();
      smtp.delayMs = 0;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

const pg = process.env.TEST_DATABASE_URL;
if (!pg) console.warn('two processes on PostgreSQL skipped: TEST_DATABASE_URL is not set');

describe.skipIf(!pg)('two processes on one PostgreSQL', () => {
  const smtp = suiteSmtp();
  let a: RunningTafel;
  let b: RunningTafel;

  beforeAll(async () => {
    smtp.delayMs = 20;
    const schema = freshSchema();
    const settings = { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '30', TAFEL_NOTICE_SWEEP_MS: '0' };
    a = await startTafel({ databaseUrl: pg, schema, settings });
    b = await startTafel({ databaseUrl: pg, schema, settings });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('each mail is sent by one of them, exactly once, and both take part', async () => {
    await queue(a.tafel.services, 20);
    await queue(b.tafel.services, 20, new Date(Date.now() + 1));
    await until('every mail to be sent', async () => (await mailsIn(a.tafel.services)).every((m) => m.state === 'verstuurd'));
    const rows = await mailsIn(b.tafel.services);
    expect(rows).toHaveLength(40);
    expect(smtp.received).toHaveLength(40);
    // 20 different mails, each queued twice (by each process) for 20 different dates: 40 notices, 40 mails, none twice.
    const ids = identity(smtp);
    expect(ids.length).toBe(40);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    const senders = new Set(rows.map((r) => r.claimed_by));
    expect(senders.size).toBe(2);
  });
});
