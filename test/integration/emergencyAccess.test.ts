import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogView, CaseDetail, CaseSummary, SearchResults } from '../../shared/api.ts';
import { EMERGENCY_HOURS } from '../../shared/emergency.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import { DEMO_CRISIS_WORKER } from '../../server/seed/demoCase.ts';
import { listen } from '../support/caseEvents.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { waitFor } from '../support/syncClient.ts';
import { type RunningTafel, requestAs, serverAppend, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const REASON = 'Politie belde om 23.10 uur: ruzie in huis, de kinderen zijn mogelijk niet veilig.';
/** Words that occur once: one in a section a crisis needs, one in a section it does not. */
const SAFETY_WORD = 'noodmerkveiligheid';
const FINANCE_WORD = 'noodmerkfinancien';

/** Running emergency access is judged by comparing stored times, so both stores are tried. */
const STORES = storesToTry('emergency access');

describe.each(STORES)('emergency access (noodtoegang) at the wire, on $store', ({ options }) => {
  const { server, cookie, api } = signedInTafel(['regisseur', 'vt', 'moeder', 'vader'], options);
  const open = (who: string, section: string) => new RawYClient(`${server.ws}/sync/demo/${section}`, cookie[who]!);
  const start = (who = 'crisis', body: unknown = { caseId: 'demo', reason: REASON }) => api(who, 'POST', '/api/emergency-access', body);
  const detailOf = async (who: string) => CaseDetail.parse(await (await api(who, 'GET', '/api/cases/demo')).json());
  let expected: string[] = [];

  beforeAll(async () => {
    cookie.crisis = await signIn(server.http, DEMO_CRISIS_WORKER.email);
    await serverAppend(server, 'veiligheidsplan', `Afspraak ${SAFETY_WORD} voor de nacht.`);
    await serverAppend(server, 'financien', `Schuld ${FINANCE_WORD} bij de woningcorporatie.`);
    const sections = await server.tafel.services.cases.sections('demo');
    expected = sections.filter((s) => catalogueEntry(s.catalogueId).inEmergency).map((s) => s.id);
  });

  it('before it starts, the crisis worker learns nothing of the case', async () => {
    expect(CaseSummary.array().parse(await (await api('crisis', 'GET', '/api/cases')).json())).toEqual([]);
    expect((await api('crisis', 'GET', '/api/cases/demo')).status).toBe(404);
    const socket = open('crisis', 'veiligheidsplan');
    expect((await socket.socket.closed).code).toBe(CloseCode.notFound);
    expect(socket.socket.received).toHaveLength(0);
  });

  it('only crisis staff may start it, for a case that exists, with a reason', async () => {
    const notStaff = await start('vt');
    expect(notStaff.status).toBe(403);
    expect(JSON.stringify(await notStaff.json())).not.toContain('Gezin');
    const unknown = await start('crisis', { caseId: 'bestaat-niet', reason: REASON });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe('caseId');
    const noReason = await start('crisis', { caseId: 'demo', reason: 'nodig' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { error: { field: string } }).error.field).toBe('reason');
    expect((await api('crisis', 'GET', '/api/cases/demo')).status).toBe(404);
  });

  it('once started, the crisis worker reads the safety sections and nothing else, for four hours', async () => {
    const before = Date.now();
    const res = await start();
    expect(res.status).toBe(201);
    const { until } = (await res.json()) as { until: string };
    expect(Date.parse(until) - before).toBeGreaterThanOrEqual(EMERGENCY_HOURS * 3_600_000 - 1000);
    expect(Date.parse(until) - before).toBeLessThanOrEqual(EMERGENCY_HOURS * 3_600_000 + 5000);

    const [mine] = CaseSummary.array().parse(await (await api('crisis', 'GET', '/api/cases')).json());
    expect(mine).toMatchObject({ id: 'demo', emergencyUntil: until, emergencies: [] });
    // Those in the case see it in their list of cases already.
    const [theirs] = CaseSummary.array().parse(await (await api('regisseur', 'GET', '/api/cases')).json());
    expect(theirs).toMatchObject({ emergencyUntil: null, emergencies: [{ name: DEMO_CRISIS_WORKER.name, until }] });
    const detail = await detailOf('crisis');
    expect(detail.sections.map((s) => s.id)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['veiligheidsplan', 'r-adres', 'besluit']));
    for (const s of detail.sections) {
      expect(s.access).toBe('read');
      expect(s.because).toContain(`noodtoegang tot`);
    }
    expect(detail.me.emergency).toMatchObject({ reason: REASON, until });
  });

  it('the sync stream sends the safety plan but closes a hidden section before a byte, and refuses writes', async () => {
    const plan = open('crisis', 'veiligheidsplan');
    await plan.socket.opened;
    plan.requestState();
    await waitFor(() => plan.text().includes(SAFETY_WORD), 5000, 'the safety plan arrives');

    for (const hidden of ['financien', 'r-melder', 'ggz-sanne', 'r-derden', 'stem-jeugdige']) {
      const socket = open('crisis', hidden);
      expect((await socket.socket.closed).code, hidden).toBe(CloseCode.forbidden);
      expect(socket.socket.received, hidden).toHaveLength(0);
    }

    const watcher = open('regisseur', 'veiligheidsplan');
    await watcher.socket.opened;
    watcher.requestState();
    await waitFor(() => watcher.text().includes(SAFETY_WORD), 5000, 'regisseur synced');
    plan.write('Door de crisisdienst geschreven');
    expect((await plan.socket.closed).code).toBe(CloseCode.readOnly);
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.text()).not.toContain('Door de crisisdienst geschreven');
    watcher.close();
  });

  it('search finds only the safety sections; no copy to keep after it ends, and no history', async () => {
    const found = SearchResults.parse(await (await api('crisis', 'GET', '/api/cases/demo/search?q=noodmerk')).json());
    expect(found.hits.map((h) => h.sectionId)).toEqual(['veiligheidsplan']);
    const copy = await api('crisis', 'GET', '/api/cases/demo/export');
    expect(copy.status).toBe(403);
    const body = await copy.text();
    expect(body).not.toContain(SAFETY_WORD);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'emergency_read_only' } });
    // Nor earlier versions: a crisis needs the text as it is now.
    const versions = await api('crisis', 'GET', '/api/cases/demo/sections/veiligheidsplan/versions');
    expect(versions.status).toBe(403);
    expect(await versions.text()).not.toContain('Eva Jansen');
  });

  it('changes nothing in the case, whatever its role would allow elsewhere', async () => {
    const comment = await api('crisis', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', {
      anchor: { kind: 'block', blockId: 'afspraak-weggaan-bij-ruzie', quote: 'weggaan bij ruzie' },
      visibility: 'professionals',
      body: 'Gezien door de crisisdienst.',
    });
    expect(comment.status).toBe(403);
    const legalGround = await api('crisis', 'POST', '/api/cases/demo/consents', {
      sectionId: 'r-adres',
      basis: 'wettelijke_grond',
      grantee: { kind: 'role', role: 'veilig_thuis' },
      reason: 'Crisisinterventie vannacht nodig.',
    });
    expect(legalGround.status).toBe(403);
    expect(((await legalGround.json()) as { error: { code: string } }).error.code).toBe('emergency_read_only');
  });

  it('the regisseur and the family see who has it, why, and what she opened', async () => {
    const regisseur = await detailOf('regisseur');
    const crisis = regisseur.participants.find((p) => p.userId === DEMO_CRISIS_WORKER.id);
    expect(crisis?.emergency?.reason).toBe(REASON);
    const plan = regisseur.sections.find((s) => s.id === 'veiligheidsplan')!;
    expect(plan.visibleTo.find((v) => v.name === DEMO_CRISIS_WORKER.name)?.because).toContain(REASON);
    const finance = regisseur.sections.find((s) => s.id === 'financien')!;
    expect(finance.visibleTo.map((v) => v.name)).not.toContain(DEMO_CRISIS_WORKER.name);

    const log = AuditLogView.parse(await (await api('moeder', 'GET', '/api/cases/demo/audit')).json());
    expect(log.scope).toBe('inzage');
    expect(log.entries).toContainEqual(expect.objectContaining({ event: 'noodtoegang', who: DEMO_CRISIS_WORKER.name, detail: REASON }));
    const looks = log.entries.filter((e) => e.event === 'sectie-bekeken' && e.who === DEMO_CRISIS_WORKER.name && e.detail === 'noodtoegang');
    expect(looks.flatMap((e) => e.sections ?? []).map((s) => s.id)).toContain('veiligheidsplan');
    // Her search is logged as one under emergency access too (NEN 7513).
    const searches = (await server.tafel.services.audit.forCase('demo')).filter((r) => r.event === 'gezocht' && r.user_id === DEMO_CRISIS_WORKER.id);
    expect(searches.length).toBeGreaterThan(0);
    for (const r of searches) expect(JSON.parse(r.detail!)).toMatchObject({ noodtoegang: true });
    // The restricted address she may read under emergency access stays unnamed to the mother.
    expect(JSON.stringify(log)).not.toContain('r-adres');
  });

  it('her live stream hears of a reaction for everyone on the safety plan, not that one for professionals was written', async () => {
    const crisis = listen(server.http, cookie.crisis!);
    const regisseur = listen(server.http, cookie.regisseur!);
    await Promise.all([crisis.ready, regisseur.ready]);
    const thread = (visibility: string, body: string) =>
      api('vt', 'POST', '/api/cases/demo/sections/veiligheidsplan/threads', { anchor: { kind: 'block', blockId: 'afspraak-weggaan-bij-ruzie', quote: 'weggaan bij ruzie' }, visibility, body });
    expect((await thread('professionals', 'Alleen voor professionals.')).status).toBe(200);
    await waitFor(() => regisseur.events.some((e) => e.what === 'comments'), 3000, 'the regisseur hears of the professionals-only reaction');
    await new Promise((r) => setTimeout(r, 300));
    expect(crisis.events.filter((e) => e.what === 'comments')).toEqual([]);
    expect((await thread('iedereen', 'Voor iedereen.')).status).toBe(200);
    await waitFor(() => crisis.events.some((e) => e.what === 'comments'), 3000, 'the crisis worker hears of the reaction for everyone');
    crisis.close();
    regisseur.close();
  });

  it('ends when the regisseur ends it: open sockets close at once, the case is gone, the live stream stops', async () => {
    const plan = open('crisis', 'veiligheidsplan');
    await plan.socket.opened;
    const events = await fetch(`${server.http}/api/cases/demo/events`, { headers: { cookie: cookie.crisis! } });
    expect(events.status).toBe(200);
    const reader = events.body!.getReader();
    await reader.read();

    const accessId = (await detailOf('crisis')).me.emergency!.id;
    expect((await api('vader', 'POST', `/api/cases/demo/emergency-access/${accessId}/end`)).status).toBe(403);
    const endedAt = Date.now();
    expect((await api('regisseur', 'POST', `/api/cases/demo/emergency-access/${accessId}/end`)).status).toBe(200);
    expect((await plan.socket.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - endedAt).toBeLessThan(1000);
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect((await api('crisis', 'GET', '/api/cases/demo')).status).toBe(404);
    expect(CaseSummary.array().parse(await (await api('crisis', 'GET', '/api/cases')).json())).toEqual([]);
    expect((await api('regisseur', 'POST', `/api/cases/demo/emergency-access/${accessId}/end`)).status).toBe(404);
    const log = AuditLogView.parse(await (await api('moeder', 'GET', '/api/cases/demo/audit')).json());
    expect(log.entries).toContainEqual(expect.objectContaining({ event: 'noodtoegang-beeindigd', who: 'Eva Jansen', detail: DEMO_CRISIS_WORKER.name }));
  });

  it('ends by itself at its end time, closing the socket without anyone acting', async () => {
    const now = new Date();
    await server.tafel.services.cases.emergency.start({
      id: 'nood-kort',
      case_id: 'demo',
      user_id: DEMO_CRISIS_WORKER.id,
      role: DEMO_CRISIS_WORKER.role,
      organisation_id: DEMO_CRISIS_WORKER.organisationId,
      reason: REASON,
      started_at: now.toISOString(),
      until: new Date(now.getTime() + 1500).toISOString(),
    });
    const plan = open('crisis', 'veiligheidsplan');
    await plan.socket.opened;
    plan.requestState();
    await waitFor(() => plan.documentBytes > 0, 5000, 'reads the plan');
    expect((await plan.socket.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - now.getTime()).toBeLessThan(3000);
    expect((await api('crisis', 'GET', '/api/cases/demo')).status).toBe(404);
  });

  it('the crisis worker can end her own access; a participant has no use for it', async () => {
    expect((await start()).status).toBe(201);
    const accessId = (await detailOf('crisis')).me.emergency!.id;
    expect((await api('crisis', 'POST', `/api/cases/demo/emergency-access/${accessId}/end`)).status).toBe(200);
    expect((await api('crisis', 'GET', '/api/cases/demo')).status).toBe(404);
    const me = (await (await api('crisis', 'GET', '/api/me')).json()) as { emergencyStaff: boolean };
    expect(me.emergencyStaff).toBe(true);
    expect(((await (await api('vt', 'GET', '/api/me')).json()) as { emergencyStaff: boolean }).emergencyStaff).toBe(false);
  });
});

describe('emergency access is for emergencies: many starts or guessed case numbers are stopped', () => {
  let server: RunningTafel;
  let cookie = '';
  const start = (caseId: string) => requestAs(server.http, cookie, 'POST', '/api/emergency-access', { caseId, reason: REASON });

  beforeAll(async () => {
    server = await startTafel();
    cookie = await signIn(server.http, DEMO_CRISIS_WORKER.email);
  });
  afterAll(() => server.close());

  it('refuses the sixth start within an hour', async () => {
    for (let i = 0; i < 5; i++) expect((await start('demo')).status).toBe(201);
    const sixth = await start('demo');
    expect(sixth.status).toBe(429);
    expect(((await sixth.json()) as { error: { message: string } }).error.message).toMatch(/al 5 keer noodtoegang gestart/);
  });

  it('stops guessing case numbers after ten unknown ones, even for a case that exists', async () => {
    for (let i = 0; i < 10; i++) expect((await start(`zaak-${i}`)).status).toBe(404);
    const next = await start('demo');
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
