import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FamilyHome } from '../../shared/familyHome.ts';
import { atInstant, type RunningTafel, requestAs, serverAppend, serverEdit, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

/** A task only the sections a reader cannot read would hold, with a text nobody else writes. */
const HIDDEN_TASK = 'Verborgen taak 7Q2 voor Sanne en Murat';

function appendActie(server: RunningTafel, sectionId: string, id: string, taak: string) {
  return serverEdit(server, sectionId, (f) => {
    const block = new Y.XmlElement('actie');
    block.setAttribute('data', { id, taak, eigenaar: 'Sanne en Murat', deadline: '2026-01-05', status: 'open', levensgebied: 'ggz' } as never);
    f.push([block]);
  });
}

describe.each(storesToTry('the family home page'))('the family home page, at the wire ($store)', ({ options }) => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const home = async (account: string, query = '') => {
    const res = await requestAs(server.http, cookie[account]!, 'GET', `/api/cases/demo/home${query}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, body: FamilyHome.parse(JSON.parse(text)) };
  };

  beforeAll(async () => {
    server = await startTafel(options);
    for (const a of ['moeder', 'vader', 'jeugdige', 'oma', 'regisseur', 'raad']) cookie[a] = await signIn(server.http, `${a}@demo.tafel`);
    // Sanne's and Murat's names on a task in sections one of them (or both) may not read.
    await appendActie(server, 'ggz-murat', 'actie-verborgen-ggz', `${HIDDEN_TASK} (ggz)`);
    await appendActie(server, 'r-derden', 'actie-verborgen-derden', `${HIDDEN_TASK} (derden)`);
  });
  afterAll(() => server.close());

  it('the mother reads the decision of the Raad with its author and role, and no section she may not read', async () => {
    const { text, body } = await home('moeder');
    const [decision] = body.decisions;
    // Recorded by the Raad, so decided, though the write-up around it is still a concept.
    expect(decision).toMatchObject({ keuze: 'vrijwillig', datum: '2026-11-12', decided: true, replacedOn: null, status: 'concept', familyStatus: 'nog-niet-klaar', reactIn: 'reactie-besluit-sanne' });
    expect(decision!.author).toMatchObject({ name: 'Ingrid Visser', role: 'raad' });
    expect(decision!.authorOrganisation).toMatch(/Raad voor de Kinderbescherming/);
    // Her own overdue task first; nothing from Murat's GGZ section or the information of others.
    expect(body.tasks[0]).toMatchObject({ wat: expect.stringContaining('Betalingsregeling'), overdue: true });
    expect(text).not.toContain(HIDDEN_TASK);
    for (const hidden of ['ggz-murat', 'r-derden', 'r-melder', 'Informatie van derden', 'Psychische gezondheid en verslaving: Murat']) expect(text).not.toContain(hidden);
  });

  it('her section list says the besluit section holds the decision of 12 November, as Thuis does; a professional reads the review status', async () => {
    const decidedOn = async (who: string) => {
      const res = await requestAs(server.http, cookie[who]!, 'GET', '/api/cases/demo');
      expect(res.status).toBe(200);
      const { sections } = (await res.json()) as { sections: { id: string; status: string; decidedOn: string | null }[] };
      return Object.fromEntries(sections.filter((s) => s.decidedOn !== null).map((s) => [s.id, s.decidedOn]));
    };
    expect(await decidedOn('moeder')).toEqual({ besluit: '2026-11-12' });
    expect(await decidedOn('jeugdige')).toEqual({ besluit: '2026-11-12' });
    // Oma cannot read the besluit section: nothing of it, not even its date.
    expect(await decidedOn('oma')).toEqual({});
    expect(await decidedOn('regisseur')).toEqual({});
  });

  it('the father sees the task in his own GGZ section, but not the one among the information of others', async () => {
    const { text, body } = await home('vader');
    expect(body.tasks.map((t) => t.wat)).toContain(`${HIDDEN_TASK} (ggz)`);
    expect(text).not.toContain(`${HIDDEN_TASK} (derden)`);
    expect(text).not.toContain('ggz-sanne');
    // Sanne's overdue energy task is hers, not his.
    expect(body.tasks.map((t) => t.wat).join()).not.toContain('Betalingsregeling');
  });

  it('after she agrees, the agreement stays on her list with when she agreed, instead of the button', async () => {
    const before = (await home('moeder')).body.tasks.find((t) => t.id === 'afspraak-geen-alcohol')!;
    expect(before).toMatchObject({ toConfirm: true, confirmedAt: null, overdue: false });
    const res = await requestAs(server.http, cookie.moeder!, 'POST', '/api/cases/demo/confirmations', { sectionId: 'veiligheidsplan', blockId: 'afspraak-geen-alcohol' });
    expect(res.status).toBe(200);
    const { at } = (await res.json()) as { at: string };
    const after = (await home('moeder')).body.tasks.find((t) => t.id === 'afspraak-geen-alcohol');
    expect(after).toMatchObject({ toConfirm: false, confirmedAt: at });
    // Murat has not agreed yet: his still asks him.
    expect((await home('vader')).body.tasks.find((t) => t.id === 'afspraak-geen-alcohol')).toMatchObject({ toConfirm: true, confirmedAt: null });
  });

  it('oma, who reads only the safety plan, gets no decision and no task from the plan', async () => {
    const { text, body } = await home('oma');
    expect(body.decisions).toEqual([]);
    expect(body.tasks.every((t) => t.sectionId === 'veiligheidsplan')).toBe(true);
    expect(text).not.toContain('Besluit');
    expect(text).not.toContain('afspraak-evaluatie-tafel');
  });

  it('what is new since the last visit names only changes the reader may read', async () => {
    // The young person has not opened the page yet in this test run.
    const first = await home('jeugdige');
    expect(first.body.lastVisit).toBeNull();
    await serverAppend(server, 'aanleiding', 'Nieuwe zin van de regisseur.');
    await serverAppend(server, 'r-derden', 'Nieuw bericht van de huisarts.');
    await serverAppend(server, 'ggz-murat', 'Nieuwe notitie over Murat.');
    // The change times are written after the flush.
    let second = await home('jeugdige');
    for (let i = 0; i < 40 && second.body.news.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      second = await home('jeugdige', `?since=${encodeURIComponent(second.body.lastVisit!)}`);
    }
    expect(second.body.lastVisit).not.toBeNull();
    expect(second.body.news.map((n) => n.sectionId)).toEqual(['aanleiding']);
    expect(second.body.news[0]!.by).toBe('Eva Jansen');
    expect(second.text).not.toContain('r-derden');
    expect(second.text).not.toContain('ggz-murat');
  });

  it('after two more Tafels the mother reads the latest decision as the one that applies, the older ones as replaced', async () => {
    const as = (who: string, method: string, path: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, path, body);
    const holdTafel = async (date: string, keuze: string, onderbouwing: string) => {
      const plan = { date, time: '10:00', durationMinutes: 90, place: 'Wijkcentrum De Schoof, Almere Haven', participants: ['moeder', 'raad'] };
      const planned = await as('regisseur', 'POST', '/api/cases/demo/meetings', plan);
      expect(planned.status).toBe(201);
      const tafel = `/api/cases/demo/meetings/${((await planned.json()) as { id: string }).id}`;
      // Held on its day: the decision carries the day the Tafel began.
      expect((await atInstant(server, `${date}T09:00:00Z`, () => as('regisseur', 'POST', `${tafel}/start`))).status).toBe(200);
      for (const userId of ['moeder', 'raad', 'regisseur']) expect((await as('regisseur', 'POST', `${tafel}/attendance`, { userId, presence: 'aanwezig' })).status).toBe(200);
      expect((await as('raad', 'POST', `${tafel}/decision`, { keuze, onderbouwing })).status).toBe(200);
      expect((await as('regisseur', 'POST', `${tafel}/close`, { share: [] })).status).toBe(200);
    };
    await holdTafel('2026-12-03', 'drang', 'De afspraken over de energierekening zijn niet nagekomen.');
    await holdTafel('2026-12-04', 'vrijwillig', 'De betalingsregeling loopt weer; de ouders werken goed mee.');
    // A besluit block someone other than the Raad types is a proposal: it replaces nothing.
    await serverEdit(server, 'besluit', (f) => {
      const block = new Y.XmlElement('besluit');
      block.setAttribute('data', { id: 'besluit-voorstel', keuze: 'raad_onderzoek', onderbouwing: 'Voorstel van de regisseur.', datum: '2026-12-05', aanwezig: ['Eva Jansen'], reactieSectie: null } as never);
      f.push([block]);
    });

    const { body } = await home('moeder');
    const byDate = Object.fromEntries(body.decisions.map((d) => [d.datum, d]));
    // Decided right when the Raad recorded it at the Tafel, while the besluit section is still a concept.
    expect(body.decisions[0]).toMatchObject({ datum: '2026-12-04', keuze: 'vrijwillig', decided: true, replacedOn: null, status: 'concept', reactIn: 'reactie-besluit-sanne' });
    expect(body.decisions[0]!.author).toMatchObject({ name: 'Ingrid Visser', role: 'raad' });
    expect([...body.decisions[0]!.aanwezig].sort()).toEqual(['Eva Jansen', 'Ingrid Visser', 'Sanne de Groot']);
    expect(byDate['2026-12-03']).toMatchObject({ keuze: 'drang', decided: true, replacedOn: '2026-12-04' });
    expect(byDate['2026-11-12']).toMatchObject({ keuze: 'vrijwillig', decided: true, replacedOn: '2026-12-03' });
    expect(byDate['2026-12-05']).toMatchObject({ decided: false, replacedOn: null, familyStatus: 'nog-niet-klaar' });
    expect(body.decisions.filter((d) => d.decided && d.replacedOn === null)).toHaveLength(1);
    // Her section list names the decision that applies, not an older one or the proposal.
    const detail = (await (await as('moeder', 'GET', '/api/cases/demo')).json()) as { sections: { id: string; decidedOn: string | null }[] };
    expect(detail.sections.find((s) => s.id === 'besluit')?.decidedOn).toBe('2026-12-04');
  });

  it('someone outside the case gets the same 404 as for a case that does not exist', async () => {
    const crisis = await signIn(server.http, 'crisis@demo.tafel');
    const res = await requestAs(server.http, crisis, 'GET', '/api/cases/demo/home');
    expect(res.status).toBe(404);
    const unknown = await requestAs(server.http, cookie.moeder!, 'GET', '/api/cases/nergens/home');
    expect(unknown.status).toBe(404);
  });
});
