import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.ts';
import { type NoticeList, NoticePreferences, type NoticeView } from '../../shared/notices.ts';
import { startNotices, type NoticeLoops } from '../../server/notices/noticeService.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { appendParagraph, connectSection } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const ASKED = 'Er is een onderdeel ter review aangeboden. Kijk of je het kunt goedkeuren.';
const LAPSED = 'Je goedkeuring van een onderdeel is vervallen door een wijziging. Het wacht weer op review.';

describe.each(storesToTry('review notices'))('offering a section for review tells who may approve it ($store)', ({ options }) => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let loops: NoticeLoops;
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const ofKind = async (who: string, kind: NoticeView['kind']) => ((await (await api(who, 'GET', '/api/notices')).json()) as NoticeList).notices.filter((n) => n.kind === kind);
  const asked = (who: string) => ofKind(who, 'review-gevraagd');
  const lapsed = (who: string) => ofKind(who, 'goedkeuring-vervallen');
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

  it('an edit that sends her approved section back to review tells her that her approval lapsed, once', async () => {
    expect((await move('regisseur', 'aanleiding', 'review')).status).toBe(200);
    expect((await move('gw', 'aanleiding', 'goedgekeurd')).status).toBe(200);
    const about = (list: readonly NoticeView[]) => list.filter((n) => n.section?.id === 'aanleiding');
    expect(about(await asked('gw'))).toHaveLength(1);
    // A second gedragswetenschapper joins after the approval: she did not approve it.
    const { sql, directory } = server.tafel.services;
    await sql.db.insertInto('users').values({ id: 'u-noor', email: 'noor@example.nl', name: 'Noor Bakker', password_hash: await hashPassword('noor-haar-wachtwoord'), created_at: new Date().toISOString() }).execute();
    await directory.setProfessional('u-noor', 'gedragswetenschapper', 'lokaal-team-almere');
    expect((await api('regisseur', 'POST', '/api/cases/demo/invitations', { email: 'noor@example.nl' })).status).toBe(200);
    cookie.noor = await signIn(server.http, 'noor@example.nl', 'noor-haar-wachtwoord');
    await loops.outbox.deliverDue();
    const mailsBefore = smtp.received.length;

    // Eva edits in the editor, as a browser does: over the sync socket.
    const editor = connectSection(server.ws, 'demo', 'aanleiding', cookie.regisseur!);
    try {
      await editor.synced;
      appendParagraph(editor.doc, 'Een zin die na de goedkeuring kwam.');
      await expect.poll(async () => about(await lapsed('gw')).length, { timeout: 10_000 }).toBe(1);
    } finally {
      editor.destroy();
    }
    expect(about(await lapsed('gw'))).toEqual([
      expect.objectContaining({ text: `${LAPSED} Het gaat over: Aanleiding en hulpvraag.`, section: { id: 'aanleiding', title: 'Aanleiding en hulpvraag' }, link: '/zaken/demo', read: false }),
    ]);
    // Not asked again as if it were new; the other gedragswetenschapper is asked, as for any review.
    expect(about(await asked('gw'))).toHaveLength(1);
    expect(about(await asked('noor'))).toEqual([expect.objectContaining({ text: `${ASKED} Het gaat over: Aanleiding en hulpvraag.` })]);
    expect(await lapsed('noor')).toEqual([]);
    // Who made the edit, who may not approve, and the family are not told.
    for (const who of ['regisseur', 'vt', 'moeder']) {
      expect(about(await asked(who)), who).toEqual([]);
      expect(await lapsed(who), who).toEqual([]);
    }

    await loops.outbox.deliverDue();
    // The notice mails (Noor's invitation has a mail of its own).
    const mails = smtp.received.slice(mailsBefore).filter((m) => m.subject === 'Nieuwe melding in Tafel');
    expect(mails.map(recipientOf).sort()).toEqual([demoEmail('gw'), 'noor@example.nl']);
    const hers = mails.find((m) => recipientOf(m) === demoEmail('gw'))!;
    expect(hers.text).toContain(LAPSED);
    expect(hers.text).not.toContain(ASKED);
    for (const word of ['Aanleiding', 'aanleiding', 'hulpvraag', 'Gezin', 'Yilmaz', 'demo', 'Eva']) expect(hers.text, word).not.toContain(word);
  });

  it('is a kind of its own in her notice settings, by e-mail at once unless she changes it', async () => {
    const prefs = NoticePreferences.parse(await (await api('gw', 'GET', '/api/notices/preferences')).json());
    expect(prefs.delivery['goedkeuring-vervallen']).toBe('direct');
  });
});
