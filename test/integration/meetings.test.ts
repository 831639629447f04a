import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashPassword } from '../../server/auth/password.ts';
import type { Besluit } from '../../shared/blocks/besluit.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import type { AgendaItem, MeetingView } from '../../shared/meetings.ts';
import { CloseCode, DOC_FIELD } from '../../shared/protocol.ts';
import { reactionDeadline } from '../../shared/review.ts';
import { listen } from '../support/caseEvents.ts';
import { connectSection } from '../support/syncClient.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { atInstant, demoEmail, describeAcrossProcesses, requestAs, type RunningTafel, serverAppend, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const PLAN = {
  date: '2027-01-14',
  time: '10:00',
  durationMinutes: 90,
  place: 'Wijkcentrum De Schoof, Almere Haven',
  videoLink: '',
  participants: ['moeder', 'vader', 'raad', 'vt', 'gi'],
};

describe.each(storesToTry('meetings'))('the Jeugdbeschermingstafel ($store)', ({ options }) => {
  let server: RunningTafel;
  let smtp: TestSmtp;
  const cookie: Record<string, string> = {};
  let meetingId = '';
  const as = (who: string, method: string, path: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, path, body);
  const view = async (who: string) => {
    const res = await as(who, 'GET', `/api/cases/demo/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    return (await res.json()) as MeetingView;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTafel({ ...options, settings: { TAFEL_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, TAFEL_MAIL_FROM: 'Tafel <tafel@gemeente.example>' } });
    for (const who of ['regisseur', 'moeder', 'vader', 'raad', 'vt', 'gw']) cookie[who] = await signIn(server.http, demoEmail(who));
    // Something changed in the father's own GGZ section since (no) last Tafel: it goes on the agenda, for professionals only.
    await serverAppend(server, 'ggz-murat', 'Murat is gestart bij de GGZ: elke week een gesprek.');
    await serverAppend(server, 'gezin', 'Oma Ria komt nu twee middagen per week.');
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('only the regisseur plans a Tafel; a bad plan names its field', async () => {
    expect((await as('raad', 'POST', '/api/cases/demo/meetings', PLAN)).status).toBe(403);
    expect((await as('moeder', 'POST', '/api/cases/demo/meetings', PLAN)).status).toBe(403);
    const tooLong = await as('regisseur', 'POST', '/api/cases/demo/meetings', { ...PLAN, durationMinutes: 120 });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { field: string } }).error.field).toBe('durationMinutes');
    const nowhere = await as('regisseur', 'POST', '/api/cases/demo/meetings', { ...PLAN, place: '' });
    expect(((await nowhere.json()) as { error: { field: string } }).error.field).toBe('place');
    const stranger = await as('regisseur', 'POST', '/api/cases/demo/meetings', { ...PLAN, professionals: ['niemand@example.nl'] });
    expect(stranger.status).toBe(422);
  });

  it('the regisseur plans it; each invitee gets a mail with a calendar file and nothing of the case', async () => {
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', PLAN);
    expect(res.status).toBe(201);
    meetingId = ((await res.json()) as { id: string }).id;
    for (let i = 0; i < 50 && smtp.received.length < 5; i++) await new Promise((r) => setTimeout(r, 100));
    const to = smtp.received.map((m) => (Array.isArray(m.to) ? '' : m.to?.text)).sort();
    expect(to).toEqual(['gi@demo.tafel', 'moeder@demo.tafel', 'raad@demo.tafel', 'vader@demo.tafel', 'vt@demo.tafel']);
    const mother = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === 'moeder@demo.tafel')!;
    expect(mother.subject).toBe('Uitnodiging: Jeugdbeschermingstafel op 14 januari 2027');
    expect(mother.text).toMatch(/^Beste Sanne de Groot,/);
    expect(mother.text).toContain(`/zaken/demo/tafel/${meetingId}`);
    // Nothing of the case: not its title (the family's name), not another family member, no section text.
    for (const secret of ['Gezin De Groot', 'Murat', 'GGZ', 'Oma Ria']) expect(mother.text).not.toContain(secret);
    const ics = mother.attachments.find((a) => a.filename === 'tafel.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain('BEGIN:VEVENT');
    // 10:00 in Almere in January is 09:00 UTC.
    expect(calendar).toContain('DTSTART:20270114T090000Z');
    expect(calendar).toContain('DURATION:PT90M');
    expect(calendar).toContain('Wijkcentrum De Schoof');
    expect(calendar).not.toContain('Gezin De Groot');
    const v = await view('regisseur');
    expect(v.invitees.every((i) => i.mailed || i.userId === 'regisseur')).toBe(true);
  });

  it('the agenda is drafted from the analysis: changes, open agreements, scores side by side, the decision', async () => {
    const v = await view('regisseur');
    const kinds = v.agenda.map((i) => i.kind);
    expect(kinds[0]).toBe('opening');
    expect(v.agenda.find((i) => i.sectionId === 'gezin' && i.kind === 'wijzigingen')).toBeTruthy();
    // The father's GGZ section both changed and holds an open agreement: one item, headed by the agreement.
    const ggz = v.agenda.filter((i) => i.sectionId === 'ggz-murat');
    expect(ggz.map((i) => i.kind)).toEqual(['afspraken']);
    expect(ggz[0]?.points.some((p) => p.startsWith('Laatst veranderd op'))).toBe(true);
    // Every section is on the agenda once, under its own title.
    const aboutSections = v.agenda.filter((i) => i.sectionId !== null && i.kind !== 'schaalvraag' && i.kind !== 'besluit');
    expect(new Set(aboutSections.map((i) => i.title)).size).toBe(aboutSections.length);
    // The latest score of each party, side by side, with the one before.
    const scores = v.agenda.filter((i) => i.kind === 'schaalvraag').flatMap((i) => i.scores);
    expect(new Set(scores.map((x) => x.partij)).size).toBeGreaterThan(2);
    // Only what changed after the last decision (12 November, in the besluit section).
    expect(v.agenda.filter((i) => i.points.some((p) => p.startsWith('Laatst veranderd op'))).map((i) => i.sectionId)).toEqual(['gezin', 'ggz-murat']);
    expect(v.agenda.find((i) => i.kind === 'besluit')?.sectionId).toBe('besluit');
  });

  it('the family sees only items about sections they may read: no title, no count of the others', async () => {
    const pro = await view('regisseur');
    const mother = await view('moeder');
    const hidden = pro.agenda.filter((i) => i.sectionId === 'ggz-murat');
    expect(hidden.length).toBeGreaterThan(0);
    expect(mother.agenda.map((i) => i.id)).toEqual(pro.agenda.filter((i) => i.sectionId !== 'ggz-murat').map((i) => i.id));
    const raw = await (await as('moeder', 'GET', `/api/cases/demo/meetings/${meetingId}`)).text();
    expect(raw).not.toContain('ggz-murat');
    expect(raw).not.toContain('Murat is gestart');
    // The father sees his own.
    expect((await view('vader')).agenda.some((i) => i.sectionId === 'ggz-murat')).toBe(true);
  });

  it('the regisseur edits and orders the agenda; others may not, and no section she cannot read goes on it', async () => {
    const pro = await view('regisseur');
    const items: AgendaItem[] = pro.agenda.map(({ note: _n, spentSeconds: _s, ...i }) => i);
    const reordered = [items[0]!, { id: 'item-derden', kind: 'anders', title: 'Informatie van de school', sectionId: 'r-derden', minutes: 5, points: [], scores: [] }, ...items.slice(1)];
    expect((await as('moeder', 'PUT', `/api/cases/demo/meetings/${meetingId}/agenda`, { items: reordered })).status).toBe(403);
    const melder = await as('regisseur', 'PUT', `/api/cases/demo/meetings/${meetingId}/agenda`, { items: [...items, { ...reordered[1]!, id: 'item-melder', sectionId: 'r-melder' }] });
    expect(melder.status).toBe(400);
    const ok = await as('regisseur', 'PUT', `/api/cases/demo/meetings/${meetingId}/agenda`, { items: reordered });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as MeetingView).agenda[1]?.id).toBe('item-derden');
    expect((await view('moeder')).agenda.some((i) => i.id === 'item-derden')).toBe(false);
  });

  it('the chair moves through the agenda; the family hears of it only for items they may read or saw before', async () => {
    const mother = listen(server.http, cookie.moeder!);
    await mother.ready;
    expect((await as('vt', 'POST', `/api/cases/demo/meetings/${meetingId}/start`)).status).toBe(403);
    // On the planned day, at 09:30 in Almere.
    expect((await view('regisseur')).invitees.find((i) => i.userId === 'regisseur')?.presence).toBeNull();
    expect((await atInstant(server, '2027-01-14T08:30:00Z', () => as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/start`))).status).toBe(200);
    expect((await view('moeder')).current?.itemId).toBe('item-opening');
    // The chair who began it is there: recorded at the start, not left open for the minutes.
    expect((await view('moeder')).invitees.find((i) => i.userId === 'regisseur')?.presence).toBe('aanwezig');
    // From the opening onto a professionals-only item: the mother hears it (her "nu aan de orde" is
    // stale), and reading again she gets no current item, nothing of the hidden one.
    await new Promise((r) => setTimeout(r, 300));
    let seen = mother.events.length;
    const heard = async () => {
      for (let i = 0; i < 30 && !mother.events.slice(seen).some((e) => e.what === 'meeting'); i++) await new Promise((r) => setTimeout(r, 100));
      return mother.events.slice(seen).some((e) => e.what === 'meeting');
    };
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/current`, { itemId: 'item-derden' })).status).toBe(200);
    expect(await heard()).toBe(true);
    const wire = await (await as('moeder', 'GET', `/api/cases/demo/meetings/${meetingId}`)).text();
    expect((JSON.parse(wire) as MeetingView).current).toBeNull();
    for (const secret of ['item-derden', 'r-derden', 'Informatie van de school']) expect(wire).not.toContain(secret);
    for (const e of mother.events.slice(seen)) expect(Object.keys(e).sort()).toEqual(['at', 'type', 'what']);
    // From one hidden item to another: she does not even hear that the chair moved.
    const ggz = (await view('regisseur')).agenda.find((i) => i.sectionId === 'ggz-murat')!;
    await new Promise((r) => setTimeout(r, 300));
    seen = mother.events.length;
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/current`, { itemId: ggz.id })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(mother.events.slice(seen).filter((e) => e.what === 'meeting')).toEqual([]);
    const before = mother.events.length;
    const gezin = (await view('regisseur')).agenda.find((i) => i.sectionId === 'gezin')!;
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/current`, { itemId: gezin.id })).status).toBe(200);
    for (let i = 0; i < 30 && !mother.events.slice(before).some((e) => e.what === 'meeting'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(mother.events.slice(before).some((e) => e.what === 'meeting')).toBe(true);
    expect((await view('moeder')).current?.itemId).toBe(gezin.id);
    const note = await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/notes`, { itemId: gezin.id, text: 'Oma helpt op dinsdag en donderdag.' });
    expect(note.status).toBe(200);
    expect((await view('moeder')).agenda.find((i) => i.id === gezin.id)?.note).toBe('Oma helpt op dinsdag en donderdag.');
    mother.close();
  });

  it('the chair records attendance; the Raad’s decision names exactly who was there, attested, not typed', async () => {
    // The chair marks the two who are not in the room, then everyone else present in one go.
    const exceptions = { vader: 'telefonisch', gi: 'afwezig' };
    expect((await as('moeder', 'POST', `/api/cases/demo/meetings/${meetingId}/attendance`, { userId: 'moeder', presence: 'aanwezig' })).status).toBe(403);
    expect((await as('moeder', 'POST', `/api/cases/demo/meetings/${meetingId}/attendance/rest`, { presence: 'aanwezig' })).status).toBe(403);
    for (const [userId, p] of Object.entries(exceptions)) {
      expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/attendance`, { userId, presence: p })).status).toBe(200);
    }
    for (let i = 0; i < 2; i++) expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/attendance/rest`, { presence: 'aanwezig' })).status).toBe(200);
    const recorded = Object.fromEntries((await view('regisseur')).invitees.map((i) => [i.userId, i.presence]));
    expect(recorded).toEqual({ moeder: 'aanwezig', vader: 'telefonisch', raad: 'aanwezig', vt: 'aanwezig', gi: 'afwezig', regisseur: 'aanwezig' });
    const decision = { keuze: 'drang', onderbouwing: 'De ouders werken mee, maar de afspraken over drinken zijn twee keer niet nagekomen.' };
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/decision`, decision)).status).toBe(403);
    // A typed "aanwezig" is not taken: the field is not the caller's to fill.
    const res = await as('raad', 'POST', `/api/cases/demo/meetings/${meetingId}/decision`, { ...decision, aanwezig: ['Iemand anders'] });
    expect(res.status).toBe(200);
    const v = (await res.json()) as MeetingView;
    const expected = ['Eva Jansen', 'Ingrid Visser', 'Karim El Amrani', 'Murat Yilmaz (telefonisch)', 'Sanne de Groot'];
    expect([...v.decision!.aanwezig].sort()).toEqual(expected);
    expect(v.decision?.matchesAttendance).toBe(true);
    expect(v.decision?.recordedBy).toBe('Ingrid Visser');
    // The block in the besluit section, as the father's own client reads it.
    const father = connectSection(server.ws, 'demo', 'besluit', cookie.vader!);
    await father.synced;
    const block = [...father.doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)].find(
      (n) => n instanceof Y.XmlElement && (n.getAttribute('data') as unknown as { id?: string })?.id === v.decision!.blockId,
    ) as Y.XmlElement | undefined;
    const data = block?.getAttribute('data') as unknown as { aanwezig: string[]; keuze: string; datum: string };
    expect([...data.aanwezig].sort()).toEqual(expected);
    expect([data.keuze, data.datum]).toEqual(['drang', '2027-01-14']);
    father.destroy();
    const authorship = (await (await as('vader', 'GET', '/api/cases/demo/sections/besluit/blocks')).json()) as { blockId: string; insertedBy: { name: string; role: string } | null }[];
    expect(authorship.find((b) => b.blockId === v.decision!.blockId)?.insertedBy).toMatchObject({ name: 'Ingrid Visser', role: 'raad' });
    // Once decided, who was there does not change, and there is one decision.
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/attendance`, { userId: 'gi', presence: 'aanwezig' })).status).toBe(409);
    expect((await as('raad', 'POST', `/api/cases/demo/meetings/${meetingId}/decision`, decision)).status).toBe(409);
  });

  it('"aanwezig" and the date stay as the server wrote them: the Raad can reword the decision, not change who was there', async () => {
    const { decision } = await view('raad');
    const blockId = decision!.blockId;
    const edit = async (change: (doc: Y.Doc, block: Y.XmlElement) => void) => {
      const raad = connectSection(server.ws, 'demo', 'besluit', cookie.raad!);
      await raad.synced;
      const block = decisionBlock(raad.doc, blockId)!;
      raad.doc.transact(() => change(raad.doc, block));
      const code = await Promise.race([raad.closed, new Promise<null>((r) => setTimeout(() => r(null), 1500))]);
      raad.destroy();
      return code;
    };
    // What the server holds, read as the next reader will get it.
    const data = () =>
      server.tafel.services.documents.read('demo/besluit', (doc) => decisionBlock(doc, blockId)?.getAttribute('data') as unknown as Besluit | undefined);
    const before = (await data())!;
    const reworded = { ...before, onderbouwing: `${before.onderbouwing} Over drie maanden kijken we opnieuw.` };
    expect(await edit((_, b) => b.setAttribute('data', reworded as unknown as string))).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect((await data())?.onderbouwing).toBe(reworded.onderbouwing);
    const refused = [
      (_: Y.Doc, b: Y.XmlElement) => b.setAttribute('data', { ...reworded, aanwezig: [...before.aanwezig, 'Iemand anders'] } as unknown as string),
      (_: Y.Doc, b: Y.XmlElement) => b.setAttribute('data', { ...reworded, datum: '2027-01-15' } as unknown as string),
      (doc: Y.Doc) => doc.getXmlFragment(DOC_FIELD).delete(doc.getXmlFragment(DOC_FIELD).toArray().findIndex((n) => n instanceof Y.XmlElement && decisionBlock(doc, blockId) === n), 1),
      (doc: Y.Doc) => doc.getMap('attested').delete(blockId),
    ];
    for (const change of refused) expect(await edit(change)).toBe(CloseCode.invalidContent);
    expect(await data()).toEqual(reworded);
    expect((await view('raad')).decision?.matchesAttendance).toBe(true);
  });

  it('closing makes the minutes and shares the marked sections with the family; the reaction period starts at once', async () => {
    expect((await as('regisseur', 'POST', '/api/cases/demo/sections/gezin/status', { to: 'review' })).status).toBe(200);
    expect((await as('gw', 'POST', '/api/cases/demo/sections/gezin/status', { to: 'goedgekeurd' })).status).toBe(200);
    const notApproved = await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/close`, { share: ['gezin', 'plan'] });
    expect(notApproved.status).toBe(409);
    expect((await as('moeder', 'POST', `/api/cases/demo/meetings/${meetingId}/close`, { share: ['gezin'] })).status).toBe(403);
    const res = await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/close`, { share: ['gezin'] });
    expect(res.status).toBe(200);
    const until = reactionDeadline(dateInNetherlands(new Date()));
    const review = (await (await as('moeder', 'GET', '/api/cases/demo/sections/gezin/review')).json()) as { status: string; reactionUntil: string };
    expect([review.status, review.reactionUntil]).toEqual(['gedeeld', until]);
    const mother = await view('moeder');
    expect(mother.status).toBe('afgerond');
    expect(mother.minutes?.shared).toEqual([{ sectionId: 'gezin', title: 'Gezin en netwerk', reactionUntil: until }]);
    expect(mother.minutes?.items.find((i) => i.sectionId === 'gezin')?.note).toBe('Oma helpt op dinsdag en donderdag.');
    expect(mother.minutes?.items.some((i) => i.sectionId === 'ggz-murat' || i.sectionId === 'r-derden')).toBe(false);
    expect(mother.minutes?.attendance.find((a) => a.name === 'Murat Yilmaz')?.presence).toBe('telefonisch');
    expect((await view('regisseur')).minutes?.items.some((i) => i.sectionId === 'r-derden')).toBe(true);
    // The mother is told: a notice asks for her reaction, with the last day.
    const notices = (await (await as('moeder', 'GET', '/api/notices')).json()) as { notices: { kind: string; until: string | null }[] };
    expect(notices.notices.filter((n) => n.kind === 'reactie-gevraagd').map((n) => n.until)).toEqual([until]);
    expect(notices.notices.some((n) => n.kind === 'tafel-uitgenodigd')).toBe(true);
    expect((await as('regisseur', 'POST', `/api/cases/demo/meetings/${meetingId}/close`, { share: [] })).status).toBe(409);
  });

  it('the next Tafel starts its changes from the end of the last; a professional from the directory joins the case', async () => {
    const { sql, directory } = server.tafel.services;
    await sql.db.insertInto('users').values({ id: 'u-joost', email: 'joost@example.nl', name: 'Joost Smit', password_hash: await hashPassword('een-lang-wachtwoord'), created_at: new Date().toISOString() }).execute();
    await directory.setProfessional('u-joost', 'gi', 'jeugdbescherming-flevoland');
    await serverAppend(server, 'plan', 'Na de tafel: Murat meldt zich bij de schuldhulp.');
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', { ...PLAN, date: '2027-04-08', participants: ['moeder'], professionals: ['joost@example.nl'] });
    expect(res.status).toBe(201);
    const next = ((await res.json()) as { id: string }).id;
    for (let i = 0; i < 50 && !smtp.received.some((m) => !Array.isArray(m.to) && m.to?.text === 'joost@example.nl'); i++) await new Promise((r) => setTimeout(r, 100));
    const mail = smtp.received.find((m) => !Array.isArray(m.to) && m.to?.text === 'joost@example.nl');
    expect(mail?.text).toContain(`/zaken/demo/tafel/${next}`);
    const joost = await signIn(server.http, 'joost@example.nl', 'een-lang-wachtwoord');
    const seen = await requestAs(server.http, joost, 'GET', `/api/cases/demo/meetings/${next}`);
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as MeetingView).invitees.find((i) => i.userId === 'u-joost')?.role).toBe('gi');
    const agenda = ((await (await as('regisseur', 'GET', `/api/cases/demo/meetings/${next}`)).json()) as MeetingView).agenda;
    expect(agenda.filter((i) => i.points.some((p) => p.startsWith('Laatst veranderd op'))).map((i) => i.sectionId)).toEqual(['plan']);
  });

  it('reading a Tafel is logged once per person, with what they could see', async () => {
    const log = (await (await as('regisseur', 'GET', '/api/cases/demo/audit')).json()) as { entries: { event: string; who: string }[] };
    // The mother's page read the Tafel many times above: one entry.
    expect(log.entries.filter((e) => e.event === 'tafel-bekeken' && e.who === 'Sanne de Groot').length).toBe(1);
  });

  it('someone outside the case does not find the Tafel', async () => {
    const res = await fetch(`${server.http}/api/cases/demo/meetings/${meetingId}`);
    expect(res.status).toBe(401);
    expect((await as('moeder', 'GET', '/api/cases/demo/meetings/tafel-bestaatniet')).status).toBe(404);
  });
});

describeAcrossProcesses('a Tafel across two processes (PostgreSQL and Redis)', (processes) => {
  it('the chair moves on one process; the mother listening on the other hears it and reads the item', async () => {
    const { a, b } = processes;
    const chair = await signIn(a.http, demoEmail('regisseur'));
    const mother = await signIn(b.http, demoEmail('moeder'));
    const planned = await requestAs(a.http, chair, 'POST', '/api/cases/demo/meetings', { ...PLAN, participants: ['moeder'] });
    const { id } = (await planned.json()) as { id: string };
    const events = listen(b.http, mother);
    await events.ready;
    await atInstant(a, '2027-01-14T08:30:00Z', () => requestAs(a.http, chair, 'POST', `/api/cases/demo/meetings/${id}/start`));
    const v = (await (await requestAs(a.http, chair, 'GET', `/api/cases/demo/meetings/${id}`)).json()) as MeetingView;
    const last = v.agenda.at(-1)!;
    const before = events.events.length;
    await requestAs(a.http, chair, 'POST', `/api/cases/demo/meetings/${id}/current`, { itemId: last.id });
    for (let i = 0; i < 50 && !events.events.slice(before).some((e) => e.what === 'meeting'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(events.events.slice(before).some((e) => e.what === 'meeting')).toBe(true);
    const seen = (await (await requestAs(b.http, mother, 'GET', `/api/cases/demo/meetings/${id}`)).json()) as MeetingView;
    expect(seen.current?.itemId).toBe(last.id);
    events.close();
  });
});

/** The besluit block with this id in a copy of the section. */
function decisionBlock(doc: Y.Doc, blockId: string): Y.XmlElement | undefined {
  return [...doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)].find(
    (n) => n instanceof Y.XmlElement && (n.getAttribute('data') as unknown as { id?: string })?.id === blockId,
  ) as Y.XmlElement | undefined;
}
