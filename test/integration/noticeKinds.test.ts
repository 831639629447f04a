import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.ts';
import { type NoticeLoops, startNotices } from '../../server/notices/noticeService.ts';
import { noticeDb } from '../../server/notices/noticeTables.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import type { ProfessionalRole } from '../../shared/directory.ts';
import type { NoticeList } from '../../shared/notices.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const DAY = 86_400_000;

describe('agreements waiting for a confirmation, consents that end, invitations', () => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let loops: NoticeLoops;
  let clock = new Date();
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const askedFor = async (who: string, section: string) =>
    noticeDb(server.tafel.services.sql).selectFrom('notices').select(['id', 'link']).where('user_id', '=', who).where('kind', '=', 'bevestiging-gevraagd').where('section_id', '=', section).execute();
  const ofKind = async (who: string, kind: string) => ((await (await api(who, 'GET', '/api/notices')).json()) as NoticeList).notices.filter((n) => n.kind === kind);

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTafel({ settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    loops = startNotices(server.tafel.services, { now: () => clock, sendEveryMs: 0, sweepEveryMs: 0 });
    for (const who of ['regisseur', 'moeder', 'vader']) cookie[who] = await signIn(server.http, demoEmail(who));
  });
  afterAll(async () => {
    await loops?.close();
    await server?.close();
    await smtp?.close();
  });

  it("the father is asked once to confirm his agreement; the mother, who cannot read that section, is not; after he confirms nobody asks again", async () => {
    // The agreement of his training is in his GGZ section; the sweep reads the sections that changed.
    await server.tafel.services.sql.db.updateTable('sections').set({ updated_at: clock.toISOString() }).where('case_id', '=', 'demo').execute();
    await loops.scheduler.sweep();
    await loops.scheduler.sweep();
    const asked = await askedFor('vader', 'ggz-murat');
    expect(asked).toHaveLength(1);
    expect((await ofKind('vader', 'bevestiging-gevraagd')).find((n) => n.id === asked[0]!.id)).toMatchObject({
      text: 'Er is een afspraak die wacht tot jij zegt dat je meedoet. Het gaat over: Psychische gezondheid en verslaving: Murat.',
      section: { id: 'ggz-murat', title: 'Psychische gezondheid en verslaving: Murat' },
      link: '/zaken/demo/overzicht?afspraak=afspraak-murat-training',
    });
    // The regisseur, party too, is asked as well.
    expect(await askedFor('regisseur', 'ggz-murat')).toHaveLength(1);
    const hers = await noticeDb(server.tafel.services.sql).selectFrom('notices').select('section_id').where('user_id', '=', 'moeder').execute();
    expect(hers.map((n) => n.section_id)).not.toContain('ggz-murat');

    expect((await api('vader', 'POST', '/api/cases/demo/confirmations', { sectionId: 'ggz-murat', blockId: 'afspraak-murat-training' })).status).toBe(200);
    clock = new Date(clock.getTime() + 60_000);
    await server.tafel.services.sql.db.updateTable('sections').set({ updated_at: clock.toISOString() }).where('id', '=', 'ggz-murat').execute();
    await loops.scheduler.sweep();
    expect(await askedFor('vader', 'ggz-murat')).toHaveLength(1);
  });

  it('a consent that ends in 8 days says nothing yet; within 7 days its giver is told the day, once', async () => {
    const until = new Date(clock.getTime() + 8 * DAY);
    const res = await api('vader', 'POST', '/api/cases/demo/consents', { sectionId: 'ggz-murat', basis: 'toestemming', grantee: { kind: 'person', personId: 'p-sanne' }, reason: 'Sanne mag het weten.', until: until.toISOString() });
    expect(res.status).toBe(200);
    await loops.scheduler.sweep();
    expect(await ofKind('vader', 'toestemming-eindigt')).toEqual([]);
    clock = new Date(clock.getTime() + 1.5 * DAY);
    await loops.scheduler.sweep();
    await loops.scheduler.sweep();
    const told = await ofKind('vader', 'toestemming-eindigt');
    expect(told).toEqual([expect.objectContaining({ until: dateInNetherlands(until) })]);
    expect(told[0]!.text).toMatch(/^Een toestemming die je gaf, loopt af op \d{1,2} [a-z]+ \d{4}\. Het gaat over: Psychische gezondheid en verslaving: Murat\.$/);
    // The person it was given to is not the one who may renew it.
    expect(await ofKind('moeder', 'toestemming-eindigt')).toEqual([]);
  });

  it('a professional from the directory who is invited has a notice in the app and only the invitation mail of its own', async () => {
    const { sql, directory } = server.tafel.services;
    await sql.db.insertInto('users').values({ id: 'u-mila', email: 'mila@schuldhulp.example', name: 'Mila Kok', password_hash: await hashPassword('mila-haar-wachtwoord'), created_at: new Date().toISOString() }).execute();
    await directory.setProfessional('u-mila', 'gi' as ProfessionalRole, 'jeugdbescherming-flevoland');
    expect((await api('regisseur', 'POST', '/api/cases/demo/invitations', { email: 'mila@schuldhulp.example' })).status).toBe(200);
    cookie.mila = await signIn(server.http, 'mila@schuldhulp.example', 'mila-haar-wachtwoord');
    expect(await ofKind('mila', 'uitgenodigd')).toEqual([expect.objectContaining({ text: 'Je bent uitgenodigd om mee te doen in Tafel.', link: '/' })]);
    await loops.outbox.deliverDue();
    await new Promise((r) => setTimeout(r, 300));
    // The invitation's own mail is the one mail; the notice queues none.
    expect(smtp.received.filter((m) => recipientOf(m) === 'mila@schuldhulp.example')).toHaveLength(1);
    expect(await noticeDb(sql).selectFrom('notice_mails').select('id').where('user_id', '=', 'u-mila').execute()).toEqual([]);
  });
});
