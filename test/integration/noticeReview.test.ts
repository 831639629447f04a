import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NoticeList, NoticePreferences } from '../../shared/notices.ts';
import { startNotices, type NoticeLoops } from '../../server/notices/noticeService.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { demoEmail, type RunningTafel, requestAs, serverAppend, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const ASKED = 'Er is een onderdeel ter review aangeboden. Kijk of je het kunt goedkeuren.';

describe.each(storesToTry('review notices'))('offering a section for review tells who may approve it ($store)', ({ options }) => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let loops: NoticeLoops;
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const asked = async (who: string) => ((await (await api(who, 'GET', '/api/notices')).json()) as NoticeList).notices.filter((n) => n.kind === 'review-gevraagd');
  const move = (who: string, section: string, to: string) => api(who, 'POST', `/api/cases/demo/sections/${section}/status`, { to, reason: '' });

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTafel({ ...options, settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    loops = startNotices(server.tafel.services, { sendEveryMs: 0, sweepEveryMs: 0 });
    for (const who of ['regisseur', 'gw', 'vt', 'moeder']) cookie[who] = await signIn(server.http, demoEmail(who));
  });
  afterAll(async () => {
    await loops?.close();
    await server?.close();
    await smtp?.close();
  });

  it('the gedragswetenschapper is told, with the section named in the app and nothing of it in the mail', async () => {
    expect((await move('regisseur', 'verklarende-analyse', 'review')).status).toBe(200);
    expect(await asked('gw')).toEqual([
      expect.objectContaining({ text: `${ASKED} Het gaat over: Verklarende analyse.`, section: { id: 'verklarende-analyse', title: 'Verklarende analyse' }, link: '/zaken/demo', read: false }),
    ]);
    // Who offered it, who may not approve, and the family are not told.
    for (const who of ['regisseur', 'vt', 'moeder']) expect(await asked(who), who).toEqual([]);

    await loops.outbox.deliverDue();
    const mails = smtp.received.filter((m) => recipientOf(m) === demoEmail('gw'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(ASKED);
    for (const word of ['Verklarende', 'verklarende', 'Gezin', 'Yilmaz', 'demo']) expect(mails[0]!.text, word).not.toContain(word);
  });

  it('offered again after it went back to concept, she is told again', async () => {
    expect((await move('gw', 'verklarende-analyse', 'concept')).status).toBe(200);
    expect((await move('regisseur', 'verklarende-analyse', 'review')).status).toBe(200);
    expect(await asked('gw')).toHaveLength(2);
  });

  it('a section she may not read is neither named to her nor noticed', async () => {
    expect((await move('vt', 'r-werkaantekeningen-veilig-thuis-flevoland', 'review')).status).toBe(200);
    const hers = await asked('gw');
    expect(hers).toHaveLength(2);
    expect(JSON.stringify(hers)).not.toMatch(/werkaantekeningen/i);
  });

  it('is a kind in her notice settings, by e-mail at once unless she changes it', async () => {
    const prefs = NoticePreferences.parse(await (await api('gw', 'GET', '/api/notices/preferences')).json());
    expect(prefs.delivery['review-gevraagd']).toBe('direct');
    expect((await api('gw', 'PUT', '/api/notices/preferences', { delivery: { 'review-gevraagd': 'alleen-app' } })).status).toBe(200);
    expect((await move('gw', 'verklarende-analyse', 'concept')).status).toBe(200);
    await loops.outbox.deliverDue();
    const before = smtp.received.length;
    expect((await move('regisseur', 'verklarende-analyse', 'review')).status).toBe(200);
    expect(await asked('gw')).toHaveLength(3);
    await loops.outbox.deliverDue();
    expect(smtp.received.length).toBe(before);
  });

  it('an edit that sends an approved section back to review tells her again', async () => {
    expect((await move('regisseur', 'aanleiding', 'review')).status).toBe(200);
    expect((await move('gw', 'aanleiding', 'goedgekeurd')).status).toBe(200);
    const before = (await asked('gw')).filter((n) => n.section?.id === 'aanleiding').length;
    expect(before).toBe(1);
    await serverAppend(server, 'aanleiding', 'Een zin die na de goedkeuring kwam.');
    await expect.poll(async () => (await asked('gw')).filter((n) => n.section?.id === 'aanleiding').length, { timeout: 10_000 }).toBe(2);
    // Who made the edit is not asked to review her own change.
    expect((await asked('regisseur')).filter((n) => n.section?.id === 'aanleiding')).toEqual([]);
  });
});
