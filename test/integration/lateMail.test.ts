import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotices } from '../../server/notices/noticeService.ts';
import { markRead } from '../../server/notices/noticeStore.ts';
import { notify } from '../../server/notices/notices.ts';
import { noticeDb } from '../../server/notices/noticeTables.ts';
import type { SqlStore } from '../../server/store/db.ts';
import { demoEmail, freshSchema, type RunningTafel, type StartOptions, startTafel, storesToTry } from '../support/tafelServer.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';

const mails = (sql: SqlStore) => noticeDb(sql).selectFrom('notice_mails').selectAll().orderBy('id').execute();
const DAY = 86_400_000;

describe.each(storesToTry('late mail'))('mail that waited for a mail server goes out once one is set, if it still means something ($store)', ({ options }) => {
  let smtp: TestSmtp;
  let dataDir = '';
  let shared: StartOptions;
  const noTimers = { TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' };
  /** A server on the same store, with or without the mail server; the outbox runs once and the server stops. */
  const runOnce = async (withSmtp: boolean, before?: (server: RunningTafel) => Promise<void>) => {
    const server = await startTafel({ ...shared, settings: { ...noTimers, ...(withSmtp ? { TAFEL_SMTP_URL: smtp.url } : {}) } });
    const loops = startNotices(server.tafel.services, { sendEveryMs: 0, sweepEveryMs: 0 });
    try {
      await before?.(server);
      const sent = await loops.outbox.deliverDue();
      return { sent, rows: await mails(server.tafel.services.sql) };
    } finally {
      await loops.close();
      await server.close();
    }
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-late-mail-'));
    shared = { ...options, dataDir, ...(options.databaseUrl ? { schema: freshSchema() } : {}) };
  });
  afterAll(async () => {
    await smtp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('without SMTP nothing is sent; after a restart with SMTP the mail that still matters is sent, once', async () => {
    const now = new Date();
    const first = await runOnce(false, async (server) => {
      const s = server.tafel.services;
      // Still news: the mother was named today and has not looked.
      await notify(s, { kind: 'genoemd', userId: 'moeder', caseId: 'demo', link: '/zaken/demo' });
      // Read in the app already.
      await notify(s, { kind: 'genoemd', userId: 'vader', caseId: 'demo', link: '/zaken/demo' });
      await markRead(s, 'vader', undefined);
      // About a day that has passed: a reaction period that ended yesterday.
      const yesterday = new Date(now.getTime() - DAY).toISOString().slice(0, 10);
      await notify(s, { kind: 'reactie-gevraagd', userId: 'jeugdige', caseId: 'demo', link: '/zaken/demo', until: yesterday, key: 'test-voorbij' });
      // Ten days old when the mail server came.
      await notify(s, { kind: 'genoemd', userId: 'regisseur', caseId: 'demo', link: '/zaken/demo', at: new Date(now.getTime() - 10 * DAY) });
    });
    expect(first.sent).toBe(0);
    expect(first.rows.map((r) => r.state)).toEqual(['geen-smtp', 'geen-smtp', 'geen-smtp', 'geen-smtp']);
    expect(smtp.received).toEqual([]);

    const second = await runOnce(true);
    expect(second.sent).toBe(1);
    expect(smtp.received.map(recipientOf)).toEqual([demoEmail('moeder')]);
    const byUser = new Map(second.rows.map((r) => [r.user_id, r]));
    expect(byUser.get('moeder')?.state).toBe('verstuurd');
    for (const [who, why] of [
      ['vader', 'al gelezen'],
      ['jeugdige', 'datum in de melding is voorbij'],
      ['regisseur', 'ouder dan 7 dagen'],
    ] as const) {
      expect(byUser.get(who)?.state, who).toBe('geen-smtp');
      expect(byUser.get(who)?.last_error, who).toContain(why);
    }

    // Another restart: nothing goes twice, and what was left stays left.
    const third = await runOnce(true);
    expect(third.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });
});
