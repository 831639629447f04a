import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSummary } from '../../shared/api.ts';
import { addDays, dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { actie, afspraak, appendBlock, sectionOf } from '../support/caseBlocks.ts';
import { type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

/** Texts only the hidden blocks hold: they must not be anywhere in a response of who may not read them. */
const HIDDEN = {
  tomNotes: 'Werkaantekening 5K9 voor Tom',
  evaMelder: 'Melderbron 3W1 nabellen',
  sanneGgz: 'Afspraak 8J4 over Murat',
  tomCase2: 'Werkaantekening 2P7 voor Tom',
};

const FAMILY = {
  title: 'Gezin Bakker',
  region: 'flevoland',
  persons: [
    { name: 'Anna Bakker', kind: 'volwassene', relation: 'moeder' },
    { name: 'Lina Bakker', kind: 'kind', birthDate: '2016-02-29' },
  ],
};

const kindsAndIds = (c: CaseSummary | undefined) => (c?.items ?? []).map((i) => `${i.kind}:${i.id}`).sort();

describe.each(storesToTry('the caseload'))('"Mijn zaken" at the wire ($store)', ({ options }) => {
  let server: RunningTafel;
  let second: string;
  const cookie: Record<string, string> = {};
  const list = async (who: string, query = '') => {
    const res = await requestAs(server.http, cookie[who]!, 'GET', `/api/cases${query}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, cases: CaseSummary.array().parse(JSON.parse(text)) };
  };
  const changedAt = async (caseId: string, sectionId: string) =>
    (await server.tafel.services.sql.db.selectFrom('sections').select('updated_at').where('case_id', '=', caseId).where('id', '=', sectionId).executeTakeFirst())?.updated_at ?? null;

  beforeAll(async () => {
    server = await startTafel(options);
    for (const who of ['regisseur', 'gi', 'moeder']) cookie[who] = await signIn(server.http, `${who}@demo.tafel`);
    const started = await requestAs(server.http, cookie.regisseur!, 'POST', '/api/cases', FAMILY);
    expect(started.status).toBe(201);
    second = ((await started.json()) as { id: string }).id;
    const added = await requestAs(server.http, cookie.regisseur!, 'POST', `/api/cases/${second}/invitations`, { email: 'gi@demo.tafel' });
    expect(added.status).toBe(200);
    const of = (catalogueId: string) => sectionOf(server.http, cookie.regisseur!, second, catalogueId);

    const tom = { naam: 'Tom Bos', personId: null, userId: 'gi' };
    const sanne = { naam: 'Sanne', personId: 'p-sanne', userId: 'moeder' };
    // In the demo: one item for Tom he can read, and agreements for Sanne in and out of her view.
    await appendBlock(server, 'demo', 'plan', 'actie', actie('cl-tom-zichtbaar', 'Tom belt de school', 'Tom', '2025-01-10'));
    await appendBlock(server, 'demo', 'veiligheidsplan', 'afspraak', afspraak('cl-samen-bevestigen', 'Sanne en Tom spreken elke week', '2030-05-01', [sanne, tom]));
    await appendBlock(server, 'demo', 'ggz-murat', 'afspraak', afspraak('cl-sanne-verborgen', HIDDEN.sanneGgz, '2025-03-01', [sanne]));
    await appendBlock(server, 'demo', 'r-melder', 'actie', actie('cl-eva-verborgen', HIDDEN.evaMelder, 'Eva', '2025-02-01'));
    // Last, so its change time is the newest of the case: the lead team's own notes, which Tom may not read.
    await appendBlock(server, 'demo', 'r-werkaantekeningen-lokaal-team-almere', 'actie', actie('cl-tom-verborgen', HIDDEN.tomNotes, 'Tom en Eva', '2025-01-10'));
    // In the second case: Eva's overdue action, and an overdue one for Tom in notes he may not read.
    await appendBlock(server, second, await of('plan'), 'actie', actie('cl-eva-tweede', 'Eva vraagt het dossier op', 'Eva', '2025-06-01'));
    await appendBlock(server, second, await of('r-werkaantekeningen'), 'actie', actie('cl-tom-tweede', HIDDEN.tomCase2, 'Tom', '2025-06-01'));
  });
  afterAll(() => server?.close());

  it('the regisseur gets both cases with exactly her items, not the one in the melder she may not read', async () => {
    const { text, cases } = await list('regisseur');
    expect(cases.map((c) => c.id).sort()).toEqual(['demo', second].sort());
    const demo = cases.find((c) => c.id === 'demo');
    expect(kindsAndIds(demo)).toEqual(
      [
        'actie:actie-jongerencoach',
        'actie:actie-schuldhulp-intake',
        'actie:cl-tom-verborgen',
        'bevestigen:afspraak-murat-training',
        'zaaktermijn:evaluatie',
        'zaaktermijn:gezinsplan',
        'zaaktermijn:kind-periodiek',
      ].sort(),
    );
    expect(demo!.myRole).toBe('regisseur');
    expect(demo!.items.find((i) => i.id === 'cl-tom-verborgen')).toMatchObject({ due: '2025-01-10', overdue: true, sectionId: 'r-werkaantekeningen-lokaal-team-almere' });
    // Overdue first; the count is of the items listed.
    expect(demo!.items[0]!.overdue).toBe(true);
    expect(demo!.overdueCount).toBe(demo!.items.filter((i) => i.overdue).length);
    expect(demo!.lastChange).toBe(await changedAt('demo', 'r-werkaantekeningen-lokaal-team-almere'));
    const two = cases.find((c) => c.id === second)!;
    expect(kindsAndIds(two)).toEqual(
      ['actie:cl-eva-tweede', ...['beoordelen', 'evaluatie', 'gezinsplan', 'kind-periodiek', 'kind-zien', 'risicotaxatie-mdo'].map((d) => `zaaktermijn:${d}`)].sort(),
    );
    expect(two.overdueCount).toBe(1);
    expect(two.nextDue).toBe(two.items.filter((i) => !i.overdue && i.due).map((i) => i.due!).sort()[0]);
    // Nothing of the melder: not the text, not the id, not the section.
    for (const hidden of [HIDDEN.evaMelder, 'cl-eva-verborgen', 'r-melder']) expect(text).not.toContain(hidden);
  });

  it('the jeugdbeschermer, who may not read the lead team’s notes, gets neither the items in them nor their count or change time', async () => {
    const { text, cases } = await list('gi');
    expect(cases.map((c) => c.id).sort()).toEqual(['demo', second].sort());
    const demo = cases.find((c) => c.id === 'demo')!;
    expect(demo.myRole).toBe('gi');
    expect(kindsAndIds(demo)).toEqual(['actie:cl-tom-zichtbaar', 'bevestigen:cl-samen-bevestigen', 'zaaktermijn:evaluatie', 'zaaktermijn:gezinsplan', 'zaaktermijn:kind-periodiek']);
    expect(demo.overdueCount).toBe(demo.items.filter((i) => i.overdue).length);
    // The notes changed last; his last change is an earlier one he may read.
    const notesChanged = await changedAt('demo', 'r-werkaantekeningen-lokaal-team-almere');
    expect(demo.lastChange).not.toBeNull();
    expect(demo.lastChange! < notesChanged!).toBe(true);
    const two = cases.find((c) => c.id === second)!;
    expect(two.items.every((i) => i.kind === 'zaaktermijn')).toBe(true);
    expect(two.overdueCount).toBe(0);
    for (const hidden of [HIDDEN.tomNotes, HIDDEN.tomCase2, 'cl-tom-verborgen', 'cl-tom-tweede', 'r-werkaantekeningen', HIDDEN.evaMelder, notesChanged!]) expect(text).not.toContain(hidden);
    // Filtering works on what he may see: the second case's only overdue item is hidden, so it is not "te laat".
    expect((await list('gi', '?alleenTeLaat=true')).cases.map((c) => c.id)).toEqual(['demo']);
  });

  it('the mother sees her own case only, with her actions and agreements to confirm, nothing from Murat’s GGZ section and no case terms', async () => {
    const { text, cases } = await list('moeder');
    expect(cases.map((c) => c.id)).toEqual(['demo']);
    expect(cases[0]!.myRole).toBe('ouder');
    expect(kindsAndIds(cases[0])).toEqual(
      [
        'actie:actie-energie-regeling',
        'actie:actie-schuldhulp-intake',
        'bevestigen:afspraak-evaluatie-tafel',
        'bevestigen:afspraak-geen-alcohol',
        'bevestigen:afspraak-weggaan-bij-ruzie',
        'bevestigen:cl-samen-bevestigen',
      ].sort(),
    );
    for (const hidden of [HIDDEN.sanneGgz, 'cl-sanne-verborgen', 'ggz-murat', second, FAMILY.title, HIDDEN.tomNotes]) expect(text).not.toContain(hidden);
  });

  it('sorts and filters on the server the way the page does, and refuses a sort it does not know', async () => {
    expect((await list('regisseur', '?sort=titel')).cases.map((c) => c.title)).toEqual(['Gezin Bakker', 'Gezin De Groot – Yilmaz']);
    expect((await list('regisseur', '?sort=gewijzigd')).cases[0]!.id).toBe(second);
    expect((await list('regisseur', '?status=gesloten')).cases).toEqual([]);
    expect((await list('regisseur', '?rol=gi')).cases).toEqual([]);
    expect((await list('regisseur', '?regio=flevoland&status=open')).cases).toHaveLength(2);
    const bad = await requestAs(server.http, cookie.regisseur!, 'GET', '/api/cases?sort=willekeurig');
    expect(bad.status).toBe(400);
    // Each list that showed a case's items is logged for that case (NEN 7513).
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select('case_id').where('event', '=', 'zaken-bekeken').where('user_id', '=', 'moeder').execute();
    expect(new Set(logged.map((r) => r.case_id))).toEqual(new Set(['demo']));
  });

  it('a crisis worker under emergency access gets the case without items: reading is not working in it, and nothing beyond the safety sections shows', async () => {
    cookie.crisis = await signIn(server.http, 'crisis@demo.tafel');
    const started = await requestAs(server.http, cookie.crisis, 'POST', '/api/emergency-access', { caseId: 'demo', reason: 'Politie belde om 23.10 uur: ruzie in huis, de kinderen zijn mogelijk niet veilig.' });
    expect(started.status).toBe(201);
    const { text, cases } = await list('crisis');
    expect(cases).toEqual([expect.objectContaining({ id: 'demo', items: [], overdueCount: 0, nextDue: null })]);
    expect(cases[0]!.emergencyUntil).not.toBeNull();
    // Her last change is of a section she reads now, never the notes or the melder.
    expect(cases[0]!.lastChange).not.toBe(await changedAt('demo', 'r-werkaantekeningen-lokaal-team-almere'));
    for (const hidden of Object.values(HIDDEN)) expect(text).not.toContain(hidden);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select('id').where('event', '=', 'zaken-bekeken').where('user_id', '=', 'crisis').execute();
    expect(logged).toEqual([]);
  });

  it('a planned Tafel is an item of each invitee, on its day with its time, and the first date to come; nothing of its agenda', async () => {
    const today = dateInNetherlands(new Date());
    const tomorrow = addDays(today, 1);
    const plan = { durationMinutes: 60, place: 'Wijkcentrum De Schoof' };
    const planned: string[] = [];
    for (const [date, time, participants] of [
      [tomorrow, '10:00', ['moeder', 'gi']],
      [today, '17:00', ['moeder']],
    ] as const) {
      const res = await requestAs(server.http, cookie.regisseur!, 'POST', '/api/cases/demo/meetings', { ...plan, date, time, participants });
      expect(res.status).toBe(201);
      planned.push(((await res.json()) as { id: string }).id);
    }
    const [later, first] = planned as [string, string];
    const tafels = (c: CaseSummary | undefined) => (c?.items ?? []).filter((i) => i.kind === 'tafel').map((i) => [i.id, i.due, i.wat]);
    const mother = await list('moeder');
    const demo = mother.cases.find((c) => c.id === 'demo');
    expect(tafels(demo)).toEqual([
      [first, today, 'Jeugdbeschermingstafel om 17:00'],
      [later, tomorrow, 'Jeugdbeschermingstafel om 10:00'],
    ]);
    expect(demo?.nextDue).toBe(today);
    for (const agenda of ['Opening en kennismaking', 'Besluit van de Raad', 'Wijkcentrum']) expect(mother.text).not.toContain(agenda);
    // Tom is invited to tomorrow's only; the chair leads both.
    expect(tafels((await list('gi')).cases.find((c) => c.id === 'demo')).map(([id]) => id)).toEqual([later]);
    expect(tafels((await list('regisseur')).cases.find((c) => c.id === 'demo')).map(([id]) => id)).toEqual([first, later]);
    // Once begun it is no longer an item to come.
    const started = await requestAs(server.http, cookie.regisseur!, 'POST', `/api/cases/demo/meetings/${first}/start`);
    expect(started.status).toBe(200);
    expect(tafels((await list('moeder')).cases.find((c) => c.id === 'demo')).map(([id]) => id)).toEqual([later]);
  });

  it('answers for a professional with 25 cases, each with written sections', async () => {
    const have = (await list('regisseur')).cases.length;
    for (let i = have; i < 25; i++) {
      const res = await requestAs(server.http, cookie.regisseur!, 'POST', '/api/cases', { ...FAMILY, title: `Gezin ${String(i).padStart(2, '0')}` });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      // Written in, as a case in progress is: an action for Eva in three sections.
      for (const [n, catalogueId] of ['plan', 'veiligheidsplan', 'financien'].entries()) {
        await appendBlock(server, id, await sectionOf(server.http, cookie.regisseur!, id, catalogueId), 'actie', actie(`actie-last-${n}`, `Eva belt ${catalogueId}`, 'Eva', '2027-03-01'));
      }
    }
    await list('regisseur');
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const { cases } = await list('regisseur', '?sort=te-laat');
      times.push(performance.now() - t);
      expect(cases).toHaveLength(25);
      expect(cases.filter((c) => c.items.some((item) => item.id === 'actie-last-2'))).toHaveLength(25 - have);
    }
    const median = [...times].sort((a, b) => a - b)[1]!;
    console.log(`[figures] GET /api/cases for 25 cases (${options.databaseUrl ? 'PostgreSQL' : 'SQLite'}; 24 with 3 written sections each, the demo with 31): median ${median.toFixed(0)} ms of 3 (${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
    expect(median).toBeLessThan(5000);
  });
});
