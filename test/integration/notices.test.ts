import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeList } from '../../shared/notices.ts';
import { notify } from '../../server/notices/notices.ts';
import { startNotices, type NoticeLoops } from '../../server/notices/noticeService.ts';
import { noticeDb } from '../../server/notices/noticeTables.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';
import { recipientOf, startSmtp, type TestSmtp } from '../support/smtpServer.ts';

/** Noon in the Netherlands (CET in December) on a date. */
const noon = (date: string) => new Date(`${date}T11:00:00Z`);

describe.each(storesToTry('notices'))('notices on the right werkdag, mailed once, with nothing of the case ($store)', ({ options }) => {
  let smtp: TestSmtp;
  let server: RunningTafel;
  let loops: NoticeLoops;
  let clock = noon('2026-12-07');
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const notices = async (who: string) => (await (await api(who, 'GET', '/api/notices')).json()) as NoticeList;
  const db = () => noticeDb(server.tafel.services.sql);
  const mailsTo = (who: string) => smtp.received.filter((m) => recipientOf(m) === demoEmail(who));

  beforeAll(async () => {
    smtp = await startSmtp();
    // No timers: the test moves the clock and says when to sweep and send.
    server = await startTafel({ ...options, settings: { TAFEL_SMTP_URL: smtp.url, TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    loops = startNotices(server.tafel.services, { now: () => clock, sendEveryMs: 0, sweepEveryMs: 0 });
    for (const who of ['regisseur', 'gw', 'moeder', 'vader', 'jeugdige']) cookie[who] = await signIn(server.http, demoEmail(who));
  });
  afterAll(async () => {
    await loops?.close();
    await server?.close();
    await smtp?.close();
  });

  it('shared on Monday 7 December: the family is asked at once, and told again on Thursday 10th, not on Wednesday', async () => {
    const review = server.tafel.services.review;
    review.now = () => clock;
    const move = (who: string, to: string) => api(who, 'POST', '/api/cases/demo/sections/verklarende-analyse/status', { to, reason: '' });
    expect((await move('regisseur', 'review')).status).toBe(200);
    expect((await move('gw', 'goedgekeurd')).status).toBe(200);
    expect((await move('regisseur', 'gedeeld')).status).toBe(200);
    const asked = (await notices('moeder')).notices.filter((n) => n.kind === 'reactie-gevraagd');
    // In the app the notice names the section she may read; the mail below does not.
    expect(asked).toEqual([
      expect.objectContaining({ until: '2026-12-14', read: false, section: { id: 'verklarende-analyse', title: 'Verklarende analyse' }, text: 'Er staat een stuk voor je klaar. Je kunt erop reageren tot en met 14 december 2026. Het gaat over: Verklarende analyse.' }),
    ]);
    // Professionals are not asked for the family's reaction.
    expect((await notices('regisseur')).notices.filter((n) => n.kind === 'reactie-gevraagd')).toEqual([]);

    for (const day of ['2026-12-08', '2026-12-09']) {
      clock = noon(day);
      await loops.scheduler.sweep();
      expect((await notices('moeder')).notices.filter((n) => n.kind === 'reactie-eindigt'), day).toEqual([]);
    }
    clock = noon('2026-12-10');
    await loops.scheduler.sweep();
    await loops.scheduler.sweep();
    expect((await notices('moeder')).notices.filter((n) => n.kind === 'reactie-eindigt')).toEqual([expect.objectContaining({ until: '2026-12-14', text: 'Je kunt nog reageren tot en met 14 december 2026. Het gaat over: Verklarende analyse.' })]);

    const mailOf = async (kind: string) => (await notices('moeder')).notices.find((n) => n.kind === kind)?.mail;
    expect(await mailOf('reactie-eindigt')).toBe('onderweg');
    expect(await loops.outbox.deliverDue()).toBeGreaterThanOrEqual(2);
    expect([await mailOf('reactie-gevraagd'), await mailOf('reactie-eindigt')]).toEqual(['verstuurd', 'verstuurd']);
    // Her agreements with a passed date came in the daily mail; these two each in a mail of their own.
    const lines = mailsTo('moeder').map((m) => m.text?.split('\n')[2]);
    expect(lines.filter((l) => l?.includes('reageren'))).toEqual(['Er staat een stuk voor je klaar. Je kunt erop reageren tot en met 14 december 2026.', 'Je kunt nog reageren tot en met 14 december 2026.']);
    for (const mail of mailsTo('moeder')) {
      expect(mail.text).toMatch(/^Beste Sanne de Groot,/);
      expect(mail.text).toContain(`http://localhost:${server.port}/meldingen`);
      // Nothing of the case: no title, no section, no other member of the family.
      for (const word of ['Verklarende', 'verklarende', 'Gezin', 'Yilmaz', 'Murat', 'Noa', 'Daan', 'demo', 'zaken']) expect(mail.text, word).not.toContain(word);
    }
    // Sending again sends nothing: each mail went once.
    const count = mailsTo('moeder').length;
    expect(await loops.outbox.deliverDue()).toBe(0);
    expect(mailsTo('moeder')).toHaveLength(count);
  });

  it('two sections shared on one day (after a Tafel) come to her in one mail that says how many', async () => {
    clock = noon('2026-12-15');
    for (const section of ['aanleiding', 'opvoeding']) {
      const move = (who: string, to: string) => api(who, 'POST', `/api/cases/demo/sections/${section}/status`, { to, reason: '' });
      for (const [who, to] of [['regisseur', 'review'], ['gw', 'goedgekeurd'], ['regisseur', 'gedeeld']] as const) expect((await move(who, to)).status, `${section} ${to}`).toBe(200);
    }
    expect((await notices('moeder')).notices.filter((n) => n.kind === 'reactie-gevraagd' && n.until === '2026-12-22')).toHaveLength(2);
    const before = mailsTo('moeder').length;
    await loops.outbox.deliverDue();
    const mails = mailsTo('moeder').slice(before);
    expect(mails.map((m) => m.subject)).toEqual(['2 nieuwe meldingen in Tafel']);
    expect(mails[0]!.text).toContain('- Een stuk klaar voor jouw reactie (2 keer)');
    expect(mails[0]!.text).not.toContain('Opvoeding');
  });

  it('a deadline: nothing on Monday, a notice on Tuesday 2 werkdagen before, one grouped mail a day', async () => {
    // A melding received on Thursday 10 December: the child is to be seen within 5 werkdagen, by Thursday 17th.
    await server.tafel.services.sql.db.updateTable('cases').set({ dates: JSON.stringify({ meldingOntvangen: '2026-12-10' }) }).where('id', '=', 'demo').execute();
    expect((await api('regisseur', 'PUT', '/api/notices/preferences', { delivery: { termijn: 'direct' } })).status).toBe(200);
    const keys = async () => (await db().selectFrom('notices').select('dedupe_key').where('user_id', '=', 'regisseur').where('kind', '=', 'termijn').execute()).map((r) => r.dedupe_key);
    for (const day of ['2026-12-12', '2026-12-13', '2026-12-14']) {
      clock = noon(day);
      await loops.scheduler.sweep();
      await loops.outbox.deliverDue();
      expect((await keys()).filter((k) => k.includes('kind-zien')), day).toEqual([]);
    }
    const mailsBefore = mailsTo('regisseur').length;
    clock = noon('2026-12-15');
    await loops.scheduler.sweep();
    expect((await keys()).filter((k) => k.includes('kind-zien'))).toEqual(['termijn:demo:zaak:kind-zien:2026-12-17:bijna']);
    // Assessing (2 werkdagen, by Monday 14th) has passed by now: two notices today, one mail.
    expect((await keys()).filter((k) => k.includes('zaak:beoordelen'))).toContain('termijn:demo:zaak:beoordelen:2026-12-14:verlopen');
    await loops.outbox.deliverDue();
    expect(mailsTo('regisseur').length - mailsBefore).toBe(1);
    expect(mailsTo('regisseur').at(-1)!.text).toContain('Er is een afspraak of actie waarvan de datum bijna voorbij is, of al voorbij.');
    // The next day, nothing new: no mail.
    clock = noon('2026-12-16');
    await loops.scheduler.sweep();
    await loops.outbox.deliverDue();
    expect(mailsTo('regisseur').length - mailsBefore).toBe(1);
    // The family is told about agreements they are party to, not about the case's own deadlines.
    const hers = await db().selectFrom('notices').select('dedupe_key').where('user_id', '=', 'moeder').where('kind', '=', 'termijn').execute();
    expect(hers.filter((r) => r.dedupe_key.includes(':zaak:'))).toEqual([]);
  });

  it('a kind goes only to the roles it is for, the rule the settings show: no review for the mother, no reaction asked of the regisseur', async () => {
    const s = server.tafel.services;
    expect(await notify(s, { kind: 'review-gevraagd', userId: 'moeder', caseId: 'demo', link: '/zaken/demo' })).toBeNull();
    expect(await notify(s, { kind: 'vernietiging-gevraagd', userId: 'vader', caseId: 'demo', link: '/zaken/demo' })).toBeNull();
    expect(await notify(s, { kind: 'reactie-gevraagd', userId: 'regisseur', caseId: 'demo', link: '/zaken/demo', until: '2026-12-21' })).toBeNull();
    expect(await notify(s, { kind: 'review-gevraagd', userId: 'gw', caseId: 'demo', link: '/zaken/demo' })).toEqual(expect.any(Number));
    expect((await notices('moeder')).notices.filter((n) => n.kind === 'review-gevraagd')).toEqual([]);
  });

  it('Meldingen: a count, marking read, and only my own', async () => {
    const before = await notices('moeder');
    expect(before.unread).toBeGreaterThan(0);
    expect((await (await api('moeder', 'GET', '/api/notices/count')).json()).unread).toBe(before.unread);
    const first = before.notices[0]!;
    // Someone else's notice id changes nothing of hers.
    await api('vader', 'POST', '/api/notices/read', { ids: [first.id] });
    expect((await notices('moeder')).unread).toBe(before.unread);
    const after = (await (await api('moeder', 'POST', '/api/notices/read', { ids: [first.id] })).json()) as NoticeList;
    expect(after.unread).toBe(before.unread - 1);
    expect((await (await api('moeder', 'POST', '/api/notices/read', {})).json()).unread).toBe(0);
    expect((await fetch(`${server.http}/api/notices`)).status).toBe(401);
  });

  it('the daily mail: one a day for what I chose to get daily', async () => {
    expect((await api('vader', 'PUT', '/api/notices/preferences', { delivery: { genoemd: 'dagelijks' } })).status).toBe(200);
    const prefs = await (await api('vader', 'GET', '/api/notices/preferences')).json();
    expect(prefs.delivery).toMatchObject({ genoemd: 'dagelijks', 'reactie-gevraagd': 'direct', termijn: 'dagelijks' });
    expect((await api('vader', 'PUT', '/api/notices/preferences', { delivery: { genoemd: 'soms' } })).status).toBe(400);
    clock = new Date('2026-12-16T06:00:00Z'); // 07:00 in the Netherlands: before the daily mail
    for (const body of ['Murat, zie je dit? @[Murat Yilmaz](vader)', 'En dit ook, @[Murat Yilmaz](vader)']) {
      expect((await api('regisseur', 'POST', '/api/cases/demo/sections/aanleiding/threads', { anchor: { kind: 'block', blockId: 'aanleiding-vraag', quote: 'x' }, visibility: 'iedereen', body })).status).toBe(200);
    }
    const before = mailsTo('vader').length;
    await loops.scheduler.sweep();
    await loops.outbox.deliverDue();
    expect(mailsTo('vader').length).toBe(before);
    clock = new Date('2026-12-16T08:00:00Z');
    await loops.scheduler.sweep();
    await loops.scheduler.sweep();
    await loops.outbox.deliverDue();
    expect(new Set((await notices('vader')).notices.filter((n) => n.kind === 'genoemd').map((n) => n.mail))).toEqual(new Set(['dagelijks']));
    const daily = mailsTo('vader').slice(before);
    expect(daily).toHaveLength(1);
    expect(daily[0]!.subject).toBe('2 nieuwe meldingen in Tafel');
    expect(daily[0]!.text).toContain('- Iemand noemt je in een opmerking (2 keer)');
    expect(daily[0]!.text).not.toContain('zie je dit');
  });
});

describe('mentions: only who may read the section, and the refusal says why', () => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const notices = async (who: string) => (await (await api(who, 'GET', '/api/notices')).json()) as NoticeList;
  const thread = (section: string, body: string, visibility = 'iedereen') =>
    api('regisseur', 'POST', `/api/cases/demo/sections/${section}/threads`, { anchor: { kind: 'block', blockId: 'blok-1234', quote: '' }, visibility, body });

  beforeAll(async () => {
    server = await startTafel({ settings: { TAFEL_NOTICE_SEND_MS: '0', TAFEL_NOTICE_SWEEP_MS: '0' } });
    for (const who of ['regisseur', 'moeder', 'vader', 'jeugdige']) cookie[who] = await signIn(server.http, demoEmail(who));
  });
  afterAll(() => server?.close());

  it("the @ list of the mother's GGZ section does not hold the father; the father's request for it is a 404", async () => {
    const res = await api('regisseur', 'GET', '/api/cases/demo/sections/ggz-sanne/mentionable');
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as { people: { userId: string; name: string }[] };
    const ids = people.map((p) => p.userId);
    expect(ids).toContain('moeder');
    expect(ids).not.toContain('vader');
    expect(ids).not.toContain('regisseur');
    expect(JSON.stringify(people)).not.toContain('Murat');
    expect((await api('vader', 'GET', '/api/cases/demo/sections/ggz-sanne/mentionable')).status).toBe(404);
    // A thread for professionals: the family is not in its list.
    const professionals = (await (await api('regisseur', 'GET', '/api/cases/demo/sections/aanleiding/mentionable?visibility=professionals')).json()) as { people: { userId: string }[] };
    expect(professionals.people.map((p) => p.userId)).not.toContain('moeder');
    expect(professionals.people.map((p) => p.userId)).toContain('gw');
  });

  it('naming the father in a comment on her GGZ section is refused, nothing is stored and he is told nothing', async () => {
    const before = (await (await api('regisseur', 'GET', '/api/cases/demo/sections/ggz-sanne/threads')).json()) as unknown[];
    const res = await thread('ggz-sanne', 'Bespreken met @[Murat Yilmaz](vader) wat Sanne vertelde over haar therapie');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string; field?: string } };
    expect(error.message).toContain('Je noemt iemand die dit onderdeel niet mag lezen. Kies alleen mensen uit de lijst.');
    expect(error.field).toBe('body');
    expect((await (await api('regisseur', 'GET', '/api/cases/demo/sections/ggz-sanne/threads')).json()).length).toBe(before.length);
    // Someone outside the case, and a family member in a thread for professionals: refused too.
    expect((await thread('aanleiding', 'Vraag @[Iemand](buitenstaander)')).status).toBe(400);
    expect((await thread('aanleiding', 'Zie @[Sanne de Groot](moeder)', 'professionals')).status).toBe(400);
    expect((await notices('vader')).notices).toEqual([]);
    expect((await notices('moeder')).notices).toEqual([]);
  });

  it('naming the mother there tells her, and only her; a reply can name too', async () => {
    const res = await thread('ggz-sanne', 'Sanne, klopt dit zo? @[Sanne de Groot](moeder)');
    expect(res.status).toBe(200);
    const created = (await res.json()) as { id: string };
    const hers = (await notices('moeder')).notices;
    // It names her own section, which she reads; nothing of the comment.
    const own = { id: 'ggz-sanne', title: 'Psychische gezondheid en verslaving: Sanne' };
    expect(hers).toEqual([expect.objectContaining({ kind: 'genoemd', section: own, text: `Iemand heeft je genoemd in een opmerking. Het gaat over: ${own.title}.`, link: '/zaken/demo', read: false })]);
    expect(JSON.stringify(hers)).not.toContain('klopt dit');
    for (const who of ['vader', 'jeugdige']) expect((await notices(who)).notices, who).toEqual([]);
    expect((await api('regisseur', 'POST', `/api/cases/demo/threads/${created.id}/comments`, { body: 'En @[Murat Yilmaz](vader)?' })).status).toBe(400);
    expect((await api('regisseur', 'POST', `/api/cases/demo/threads/${created.id}/comments`, { body: 'Nog één vraag, @[Sanne de Groot](moeder).' })).status).toBe(200);
    expect((await notices('moeder')).notices.filter((n) => n.kind === 'genoemd')).toHaveLength(2);
    expect((await notices('vader')).notices).toEqual([]);
  });

  it('a notice about a section she can no longer read leaves her list', async () => {
    const { sql } = server.tafel.services;
    const section = await sql.db.selectFrom('sections').select('id').where('case_id', '=', 'demo').where('id', '=', 'r-adres').executeTakeFirst();
    expect(section).toBeDefined();
    await noticeDb(sql).insertInto('notices').values({ user_id: 'moeder', kind: 'genoemd', case_id: 'demo', section_id: 'r-adres', link: '/zaken/demo', until: null, dedupe_key: 'test-verborgen', created_at: new Date().toISOString(), read_at: null, mail_state: 'none' }).execute();
    const list = await notices('moeder');
    expect(list.notices.some((n) => n.id && n.kind === 'genoemd' && JSON.stringify(n).includes('r-adres'))).toBe(false);
    expect(list.notices.filter((n) => n.kind === 'genoemd')).toHaveLength(2);
  });

  it("named in the father's GGZ section while he lets her read it, she sees which section; once he withdraws, the notice and its name are gone", async () => {
    const res = await api('vader', 'POST', '/api/cases/demo/consents', { sectionId: 'ggz-murat', basis: 'toestemming', grantee: { kind: 'person', personId: 'p-sanne' }, reason: 'Sanne mag weten hoe het gaat.' });
    expect(res.status).toBe(200);
    const consent = (await res.json()) as { id: string };
    expect((await thread('ggz-murat', 'Sanne, weet jij van de afspraak? @[Sanne de Groot](moeder)')).status).toBe(200);
    const title = 'Psychische gezondheid en verslaving: Murat';
    expect((await notices('moeder')).notices.filter((n) => n.section?.id === 'ggz-murat')).toEqual([expect.objectContaining({ kind: 'genoemd', section: { id: 'ggz-murat', title }, text: `Iemand heeft je genoemd in een opmerking. Het gaat over: ${title}.` })]);
    expect((await api('vader', 'POST', `/api/cases/demo/consents/${consent.id}/withdraw`)).status).toBe(200);
    const wire = await (await api('moeder', 'GET', '/api/notices')).text();
    for (const word of ['ggz-murat', 'Murat']) expect(wire).not.toContain(word);
  });
});

