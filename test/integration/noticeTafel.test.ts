import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NoticeLoops, startNotices } from '../../server/notices/noticeService.ts';
import type { NoticeList, NoticeView } from '../../shared/notices.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { atInstant, demoEmail, requestAs, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

const PLAN = { date: '2027-01-14', time: '10:00', durationMinutes: 90, place: 'Wijkcentrum De Schoof', participants: ['moeder', 'vader', 'raad', 'vt', 'oma'] };
const REASON = 'De betalingsregeling bij de woningcorporatie loopt weer.';
const BESLUIT = { id: 'besluit', title: 'Besluit Jeugdbeschermingstafel' };

/**
 * A Tafel's decision and its minutes are told to who may read them. A notice names the section it
 * is about only to who may read that section, and never holds what is in it; its mail names none.
 */
describe('notices of a Tafel: the decision and the minutes', () => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let loops: NoticeLoops;
  let meetingId = '';
  const cookie: Record<string, string> = {};
  const as = (who: string, method: string, path: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, path, body);
  const raw = async (who: string) => (await as(who, 'GET', '/api/notices')).text();
  const ofKind = async (who: string, kind: string): Promise<NoticeView[]> => (JSON.parse(await raw(who)) as NoticeList).notices.filter((n) => n.kind === kind);

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTafel({ settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    loops = startNotices(server.tafel.services, { sendEveryMs: 0, sweepEveryMs: 0 });
    for (const who of ['regisseur', 'moeder', 'vader', 'jeugdige', 'raad', 'vt', 'oma']) cookie[who] = await signIn(server.http, demoEmail(who));
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', PLAN);
    expect(res.status).toBe(201);
    meetingId = ((await res.json()) as { id: string }).id;
    const base = `/api/cases/demo/meetings/${meetingId}`;
    expect((await atInstant(server, '2027-01-14T09:00:00Z', () => as('regisseur', 'POST', `${base}/start`))).status).toBe(200);
    for (const userId of ['moeder', 'vader', 'raad', 'vt', 'oma', 'regisseur']) expect((await as('regisseur', 'POST', `${base}/attendance`, { userId, presence: 'aanwezig' })).status).toBe(200);
  });
  afterAll(async () => {
    await loops?.close();
    await server?.close();
    await smtp?.close();
  });

  it('the decision: everyone who may read the besluit section is told, naming it; not the Raad who recorded it, not the network', async () => {
    for (const who of ['moeder', 'vader', 'jeugdige', 'vt', 'oma']) expect(await ofKind(who, 'besluit-vastgelegd'), who).toEqual([]);
    expect((await as('raad', 'POST', `/api/cases/demo/meetings/${meetingId}/decision`, { keuze: 'vrijwillig', onderbouwing: REASON })).status).toBe(200);
    const text = 'Na het gesprek is er een besluit. Lees wat er is besloten. Het gaat over: Besluit Jeugdbeschermingstafel.';
    // The family's link opens their home, where the decision is; a professional's the Tafel.
    for (const who of ['moeder', 'vader', 'jeugdige']) expect(await ofKind(who, 'besluit-vastgelegd'), who).toEqual([expect.objectContaining({ text, section: BESLUIT, link: '/zaken/demo/thuis', read: false })]);
    for (const who of ['vt', 'regisseur']) expect(await ofKind(who, 'besluit-vastgelegd'), who).toEqual([expect.objectContaining({ text, section: BESLUIT, link: `/zaken/demo/tafel/${meetingId}` })]);
    expect(await ofKind('raad', 'besluit-vastgelegd')).toEqual([]);
    // Grandmother Ria was at the table but may not read the besluit section: not told, not named to her.
    const hers = await raw('oma');
    expect(hers).not.toContain('besluit');
    expect(hers).not.toContain('Besluit');
    // Nothing of the decision itself, in anyone's notices.
    for (const who of ['moeder', 'vt', 'regisseur']) expect(await raw(who), who).not.toContain('betalingsregeling');
  });

  it('its mail says only that there is a decision: no section, no words of it', async () => {
    await loops.outbox.deliverDue();
    for (const who of ['moeder', 'vader', 'vt']) {
      const mails = smtp.received.filter((m) => recipientOf(m) === demoEmail(who) && m.text?.includes('Na het gesprek is er een besluit.'));
      expect(mails, who).toHaveLength(1);
      for (const word of ['Het gaat over', 'Besluit Jeugdbeschermingstafel', 'betalingsregeling', 'vrijwillig', 'Gezin', 'demo', 'tafel-']) expect(mails[0]!.text, `${who}: ${word}`).not.toContain(word);
    }
    expect(smtp.received.some((m) => recipientOf(m) === demoEmail('oma') && m.text?.includes('besluit'))).toBe(false);
  });

  it('closing: each invitee is told the minutes are ready, not the chair who closed, not who was not invited', async () => {
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/close`, { share: [] })).status).toBe(200);
    for (const who of ['moeder', 'vader', 'raad', 'vt', 'oma']) {
      expect(await ofKind(who, 'verslag-klaar'), who).toEqual([expect.objectContaining({ text: 'Het verslag van het gesprek is klaar.', section: null, link: `/zaken/demo/tafel/${meetingId}` })]);
    }
    for (const who of ['regisseur', 'jeugdige']) expect(await ofKind(who, 'verslag-klaar'), who).toEqual([]);
    // What the link opens is cut to the reader: the grandmother's minutes hold no decision she may not read.
    const minutes = (await (await as('oma', 'GET', `/api/cases/demo/meetings/${meetingId}`)).json()) as { decision: unknown; minutes: { items: { sectionId: string | null }[] } };
    expect(minutes.decision).toBeNull();
    expect(minutes.minutes.items.some((i) => i.sectionId === 'besluit')).toBe(false);
  });
});
