import { describe, expect, it } from 'vitest';
import { CaseSummary } from '../../shared/api.ts';
import { NoticeList } from '../../shared/notices.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { DestructionRequests } from '../../shared/retention.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { within } from '../support/syncClient.ts';
import { requestAs, storesToTry } from '../support/tafelServer.ts';

const URL = '/api/cases/demo/destruction-requests';
const REFUSAL = 'De Raad onderzoekt nog of Noa veilig is; het dossier is daarvoor nodig.';
const WHY = 'Het gaat nu goed met ons en ik wil niet dat dit bewaard blijft.';

describe.each(storesToTry('destruction requests'))('a family asks to destroy the case ($store)', ({ options }) => {
  const { server, cookie: cookies } = signedInTafel(['regisseur', 'vt', 'moeder', 'vader', 'jeugdige', 'oma'], options);
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookies[who]!, method, url, body);
  const requestsOf = async (who: string) => DestructionRequests.parse(await (await as(who, 'GET', URL)).json()).requests;
  /** The destruction requests in someone's "Mijn zaken" for the demo case. */
  const caseloadOf = async (who: string) => {
    const cases = CaseSummary.array().parse(await (await as(who, 'GET', '/api/cases')).json());
    return (cases.find((c) => c.id === 'demo')?.items ?? []).filter((i) => i.kind === 'vernietigingsverzoek').map((i) => ({ id: i.id, due: i.due }));
  };
  const noticesOf = async (who: string, kind: string) => NoticeList.parse(await (await as(who, 'GET', '/api/notices')).json()).notices.filter((n) => n.kind === kind);
  const errorOf = async (res: Response) => [res.status, ((await res.json()) as { error: { message: string } }).error.message];

  it('only a parent or a young person from 16 files one; the father of another case is not even told it exists', async () => {
    const other = ((await (await as('regisseur', 'POST', '/api/cases', { title: 'Gezin Bakker', region: 'flevoland', persons: [{ name: 'Anna Bakker', kind: 'volwassene' }] })).json()) as { id: string }).id;
    expect((await as('vader', 'POST', `/api/cases/${other}/destruction-requests`, {})).status).toBe(404);
    expect((await as('vader', 'GET', `/api/cases/${other}/destruction-requests`)).status).toBe(404);
    expect((await as('vader', 'POST', `/api/cases/${other}/destruction-requests/vv-x/answer`, { decision: 'uitvoeren' })).status).toBe(404);
    expect((await as('vader', 'PUT', `/api/cases/${other}/hold`, { reason: 'Ik wil niet dat deze zaak verdwijnt, nooit.' })).status).toBe(404);
    expect(await errorOf(await as('oma', 'POST', URL, {}))).toEqual([403, 'Alleen een ouder, of de jongere vanaf 16 jaar, kan vragen om het dossier te vernietigen.']);
    // Noa is 15.
    expect(await errorOf(await as('jeugdige', 'POST', URL, {}))).toEqual([403, expect.stringContaining('Vanaf 16 jaar')]);
    expect((await as('vt', 'POST', URL, {})).status).toBe(403);
    // Why not is told to the young person, who may ask from 16; the network is not told of it at all.
    const whyNot = async (who: string) => DestructionRequests.parse(await (await as(who, 'GET', URL)).json()).whyNot;
    expect(await whyNot('jeugdige')).toContain('Vanaf 16 jaar');
    expect(await whyNot('oma')).toBeNull();
    expect((await as('moeder', 'POST', URL, { explanation: 'x'.repeat(2001) })).status).toBe(400);
    expect(await requestsOf('regisseur')).toEqual([]);
  });

  it('a refused request: recorded with the day the answer is due; the family reads the written reason', async () => {
    const filed = await as('moeder', 'POST', URL, { explanation: WHY });
    expect(filed.status).toBe(201);
    const [request] = DestructionRequests.parse(await filed.json()).requests;
    const filedDay = request!.filedAt.slice(0, 10);
    const due = new Date(`${filedDay}T12:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + 3);
    expect(request).toMatchObject({ filedBy: 'Sanne de Groot', status: 'open', explanation: WHY, answer: null });
    // Three months, to the day (or the month's last day).
    expect(Math.abs(Date.parse(`${request!.dueOn}T12:00:00Z`) - due.getTime())).toBeLessThanOrEqual(3 * 86_400_000);
    expect((await as('moeder', 'POST', URL, {})).status).toBe(409);
    // The father does not see the mother's request; the professionals do.
    expect(await requestsOf('vader')).toEqual([]);
    expect((await requestsOf('vt')).map((r) => r.id)).toEqual([request!.id]);
    // The regisseur, who answers it, has its due day in "Mijn zaken"; nobody else does.
    expect(await caseloadOf('regisseur')).toEqual([{ id: request!.id, due: request!.dueOn }]);
    for (const who of ['moeder', 'vt']) expect(await caseloadOf(who), who).toEqual([]);
    // She hears of it at once, with the day; the notice says nothing of the case.
    const [told] = await noticesOf('regisseur', 'vernietiging-gevraagd');
    expect(told).toMatchObject({ caseId: 'demo', until: request!.dueOn, link: '/zaken/demo/deelnemers' });
    expect(told!.text).not.toContain('goed met ons');
    expect(await noticesOf('vt', 'vernietiging-gevraagd')).toEqual([]);

    const answer = `${URL}/${request!.id}/answer`;
    for (const who of ['vader', 'oma', 'vt']) expect((await as(who, 'POST', answer, { decision: 'weigeren', reason: REFUSAL })).status, who).toBe(403);
    expect((await as('vader', 'POST', answer, { decision: 'uitvoeren' })).status).toBe(403);
    expect(await errorOf(await as('regisseur', 'POST', answer, { decision: 'wissen' }))).toEqual([400, expect.stringContaining('Kies: uitvoeren of weigeren (met een reden).')]);
    expect(await errorOf(await as('regisseur', 'POST', answer, { decision: 'weigeren' }))).toEqual([400, 'reason: Schrijf op waarom je het verzoek weigert.']);
    const short = await as('regisseur', 'POST', answer, { decision: 'weigeren', reason: 'nee' });
    expect([short.status, ((await short.json()) as { error: { field: string } }).error.field]).toEqual([400, 'reason']);
    expect((await as('regisseur', 'POST', answer, { decision: 'weigeren', reason: REFUSAL })).status).toBe(200);
    expect((await as('regisseur', 'POST', answer, { decision: 'uitvoeren' })).status).toBe(409);

    const [seen] = await requestsOf('moeder');
    expect(seen).toMatchObject({ status: 'geweigerd', answer: { reason: REFUSAL, by: 'Eva Jansen' } });
    expect(await caseloadOf('regisseur')).toEqual([]);
    expect((await noticesOf('moeder', 'vernietiging-beantwoord')).map((n) => n.text)).toEqual(['Je vraag om het dossier te vernietigen is beantwoord.']);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select(['event', 'detail']).where('case_id', '=', 'demo').where('event', 'like', 'vernietigingsverzoek-%').execute();
    expect(logged.map((l) => l.event)).toEqual(['vernietigingsverzoek-ingediend', 'vernietigingsverzoek-geweigerd']);
    for (const l of logged) expect(l.detail ?? '').not.toMatch(/Raad|bewaard|@/);
  });

  it('a request carried out: only for a closed case under no hold; then the case is gone at the wire and in search', async () => {
    // From her 16th birthday the young person asks herself.
    const sixteen = new Date(Date.now() - 16 * 365.25 * 86_400_000 - 2 * 86_400_000).toISOString().slice(0, 10);
    await server.tafel.services.sql.db.updateTable('persons').set({ birth_date: sixteen }).where('case_id', '=', 'demo').where('id', '=', 'p-noa').execute();
    const own = await as('jeugdige', 'POST', URL, {});
    expect(own.status).toBe(201);
    const noa = DestructionRequests.parse(await own.json());
    expect(noa).toMatchObject({ requests: [{ filedBy: 'Noa Yilmaz', status: 'open' }], mayFile: false, whyNot: null });
    const filed = DestructionRequests.parse(await (await as('vader', 'POST', URL, {})).json()).requests;
    const answer = `${URL}/${filed[0]!.id}/answer`;
    expect(await errorOf(await as('regisseur', 'POST', answer, { decision: 'uitvoeren' }))).toEqual([409, 'Sluit de zaak eerst; daarna kun je het verzoek uitvoeren.']);
    expect((await as('regisseur', 'POST', '/api/cases/demo/close', { reason: 'Het gezin vraagt om vernietiging; de hulp stopt.' })).status).toBe(200);
    // Closed, the case asks nothing of its sections any more, but the request still waits for its answer.
    expect((await caseloadOf('regisseur')).map((i) => i.id)).toEqual([noa.requests[0]!.id, filed[0]!.id]);
    expect((await as('regisseur', 'PUT', '/api/cases/demo/hold', { reason: 'Er loopt nog een klacht over deze zaak bij de rechter.' })).status).toBe(200);
    expect(await errorOf(await as('regisseur', 'POST', answer, { decision: 'uitvoeren' }))).toEqual([409, expect.stringContaining('bewaarplicht')]);
    expect((await as('vader', 'DELETE', '/api/cases/demo/hold', { reason: 'Ik wil dat de bewaarplicht eraf gaat, nu meteen.' })).status).toBe(403);
    expect((await as('regisseur', 'DELETE', '/api/cases/demo/hold', { reason: 'De klacht is ingetrokken; niets houdt de zaak nog.' })).status).toBe(200);

    const search = await as('moeder', 'GET', '/api/cases/demo/search?q=Noa');
    expect(((await search.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    const open = new RawYClient(`${server.ws}/sync/demo/plan`, cookies.regisseur!);
    await open.socket.opened;

    expect((await as('regisseur', 'POST', answer, { decision: 'uitvoeren' })).status).toBe(200);
    expect((await within(open.socket.closed, 3000, 'the open socket to close')).code).toBe(CloseCode.forbidden);
    const late = new RawYClient(`${server.ws}/sync/demo/plan`, cookies.moeder!);
    expect((await within(late.socket.closed, 3000, 'a new socket to be refused')).code).toBe(CloseCode.notFound);
    for (const who of ['regisseur', 'moeder']) {
      expect((await as(who, 'GET', '/api/cases/demo')).status, who).toBe(404);
      expect((await as(who, 'GET', '/api/cases/demo/search?q=Noa')).status, who).toBe(404);
      expect((await as(who, 'GET', URL)).status, who).toBe(404);
      expect(((await (await as(who, 'GET', '/api/cases')).json()) as { id: string }[]).map((c) => c.id), who).not.toContain('demo');
    }

    const { db } = server.tafel.services.sql;
    for (const table of ['sections', 'persons', 'participants', 'comment_threads', 'comments', 'destruction_requests', 'legal_holds'] as const) {
      expect(await db.selectFrom(table).select('case_id').where('case_id', '=', 'demo').execute(), table).toEqual([]);
    }
    expect(await db.selectFrom('doc_updates').select('id').where('room', 'like', 'demo/%').execute()).toEqual([]);
    expect(await db.selectFrom('doc_snapshots').select('room').where('room', 'like', 'demo/%').execute()).toEqual([]);
    // The audit log stays, with why the case went and nothing of what it held.
    const trail = await db.selectFrom('audit_events').select(['event', 'detail']).where('case_id', '=', 'demo').execute();
    expect(trail.map((t) => t.event)).toEqual(expect.arrayContaining(['vernietigingsverzoek-uitgevoerd', 'zaak-vernietigd', 'bewaarplicht-gezet', 'bewaarplicht-opgeheven']));
    expect(JSON.parse(trail.find((t) => t.event === 'zaak-vernietigd')!.detail!)).toMatchObject({ grond: 'verzoek', verzoek: filed[0]!.id });
    for (const t of trail) expect(t.detail ?? '').not.toMatch(/@|klacht|Noa/);
  });
});
