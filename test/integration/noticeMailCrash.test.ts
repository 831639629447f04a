import { describe, expect, it } from 'vitest';
import { startNotices } from '../../server/notices/noticeService.ts';
import { notify } from '../../server/notices/notices.ts';
import { noticeDb } from '../../server/notices/noticeTables.ts';
import { childrenOnDataDir } from '../support/childSuite.ts';
import { recipientOf } from '../support/smtpServer.ts';
import { suiteSmtp } from '../support/suiteSmtp.ts';
import { waitFor } from '../support/syncClient.ts';
import { demoEmail, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const PUBLIC_URL = 'https://tafel.gemeente.example';
const MESSAGE_ID = /^<melding\.[0-9a-f]{32}@tafel\.gemeente\.example>$/;

describe('a server killed after the mail server took a notice mail, before it recorded that', () => {
  const children = childrenOnDataDir('tafel-mail-crash-');
  const smtp = suiteSmtp();

  it('the mail goes once more after the claim runs out, with the same Message-ID, so the copy can be dropped', async () => {
    const settings = { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SWEEP_MS: '0', TAFEL_PUBLIC_URL: PUBLIC_URL };
    const dying = await children.start({ TAFEL_NOTICE_SEND_MS: '50', ...settings });
    // The mail server has the mail; the sender dies before it hears "250" and can record it.
    smtp.onTaken = async () => {
      smtp.onTaken = null;
      await dying.kill9();
    };
    const regisseur = await signIn(dying.http, demoEmail('regisseur'));
    const named = await requestAs(dying.http, regisseur, 'POST', '/api/cases/demo/sections/gezin/threads', {
      anchor: { kind: 'block', blockId: 'blok-1234', quote: '' },
      visibility: 'iedereen',
      body: 'Klopt dit, @[Sanne de Groot](moeder)?',
    });
    expect(named.status).toBe(200);
    await waitFor(() => smtp.received.length === 1 && dying.process.exitCode === null && dying.process.signalCode === 'SIGKILL', 20_000, 'the mail taken and the sender killed');

    const server = await startTafel({ dataDir: children.dataDir, settings: { ...settings, TAFEL_NOTICE_SEND_MS: '0' } });
    const mails = () => noticeDb(server.tafel.services.sql).selectFrom('notice_mails').selectAll().orderBy('id').execute();
    try {
      expect((await mails()).map((m) => m.state)).toEqual(['bezig']);
      // Not while the dead process's claim holds (it could have been slow, not dead).
      const now = startNotices(server.tafel.services, { sendEveryMs: 0, sweepEveryMs: 0 });
      expect(await now.outbox.deliverDue()).toBe(0);
      await now.close();
      const later = startNotices(server.tafel.services, { now: () => new Date(Date.now() + 121_000), sendEveryMs: 0, sweepEveryMs: 0 });
      try {
        expect(await later.outbox.deliverDue()).toBe(1);
        expect(smtp.received.map(recipientOf)).toEqual([demoEmail('moeder'), demoEmail('moeder')]);
        const [first, again] = smtp.received;
        expect(first!.messageId).toMatch(MESSAGE_ID);
        expect(again!.messageId).toBe(first!.messageId);
        expect((await mails()).map((m) => m.state)).toEqual(['verstuurd']);
        // Another mail has a Message-ID of its own, and nothing goes a third time.
        await notify(server.tafel.services, { kind: 'genoemd', userId: 'vader', caseId: 'demo', link: '/zaken/demo' });
        expect(await later.outbox.deliverDue()).toBe(1);
        expect(smtp.received).toHaveLength(3);
        expect(smtp.received[2]!.messageId).toMatch(MESSAGE_ID);
        expect(smtp.received[2]!.messageId).not.toBe(first!.messageId);
        expect(await later.outbox.deliverDue()).toBe(0);
      } finally {
        await later.close();
      }
    } finally {
      await server.close();
    }
  });
});
