import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import type { BlockData } from '../../shared/blocks/index.ts';
import { atLeast } from '../../shared/caseModel.ts';
import { CaseOverview } from '../../shared/overview.ts';
import { DEMO_ACCOUNTS } from '../../server/seed/demoCase.ts';
import { demoAccess } from '../support/demoAccess.ts';
import { connectSection, insertBlock } from '../support/syncClient.ts';
import { ownOrigin, type RunningTafel, startTafel } from '../support/tafelServer.ts';

describe('GET /api/cases/:caseId/overview', () => {
  let server: RunningTafel;
  const cookies = new Map<string, string>();
  /** Per account: the section ids the access policy lets it read. */
  const readable = new Map<string, Set<string>>();

  beforeAll(async () => {
    server = await startTafel();
    const { cookies: signedIn, levels } = await demoAccess(server);
    for (const [account, cookie] of signedIn) cookies.set(account, cookie);
    for (const account of DEMO_ACCOUNTS) readable.set(account.id, new Set(levels.filter((l) => l.account === account.id && atLeast(l.level, 'read')).map((l) => l.sectionId)));
  });
  afterAll(() => server.close());

  const overviewOf = async (account: string) => {
    const res = await fetch(`${server.http}/api/cases/demo/overview`, { headers: { cookie: cookies.get(account)! } });
    expect(res.status).toBe(200);
    return CaseOverview.parse(await res.json());
  };
  const itemsOf = (o: CaseOverview) => [...o.afspraken, ...o.acties, ...o.voorwaarden, ...o.schaalvragen];

  it('the mother sees the afspraken of the veiligheidsplan, and nothing from sections she may not read', async () => {
    const o = await overviewOf('moeder');
    const fromPlan = o.afspraken.filter((a) => a.sectionId === 'veiligheidsplan').map((a) => a.id);
    expect(fromPlan).toEqual(expect.arrayContaining(['afspraak-weggaan-bij-ruzie', 'afspraak-oma-opvang', 'afspraak-geen-alcohol']));
    const mayRead = readable.get('moeder')!;
    expect(mayRead.has('ggz-murat')).toBe(false);
    for (const item of itemsOf(o)) expect(mayRead.has(item.sectionId), `${item.id} from ${item.sectionId}`).toBe(true);
    expect(o.afspraken.map((a) => a.id)).not.toContain('afspraak-murat-training');
  });

  it('every account gets exactly the items of the sections it may read', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const o = await overviewOf(account.id);
      const mayRead = readable.get(account.id)!;
      for (const item of itemsOf(o)) expect(mayRead.has(item.sectionId), `${account.id}: ${item.id} from ${item.sectionId}`).toBe(true);
      // The father's training agreement appears exactly when the policy lets the account read ggz-murat.
      expect(o.afspraken.some((a) => a.id === 'afspraak-murat-training'), account.id).toBe(mayRead.has('ggz-murat'));
    }
  });

  it('the regisseur sees the agreement in ggz-murat only if the policy says she may read it', async () => {
    const o = await overviewOf('regisseur');
    expect(o.afspraken.some((a) => a.id === 'afspraak-murat-training')).toBe(readable.get('regisseur')!.has('ggz-murat'));
    // Items from every readable part of the plan are there: actions from the plan and the finances.
    expect(o.acties.map((a) => a.id)).toEqual(expect.arrayContaining(['actie-jongerencoach', 'actie-schuldhulp-intake']));
    expect(o.voorwaarden.map((v) => v.id)).toEqual(['voorwaarde-geen-geweld', 'voorwaarde-hulp-aanvaarden']);
  });

  it('never flags an ongoing afspraak without an end date as overdue, however long it runs', async () => {
    const o = await overviewOf('moeder');
    const alcohol = o.afspraken.find((a) => a.id === 'afspraak-geen-alcohol')!;
    expect(alcohol).toMatchObject({ deadline: null, status: 'open', overdue: false });
    // Kept agreements are never overdue; sorted by deadline, open-ended ones last.
    expect(o.afspraken.find((a) => a.id === 'afspraak-oma-opvang')!.overdue).toBe(false);
    const deadlines = o.afspraken.map((a) => a.deadline);
    const dated = deadlines.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(deadlines.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it('shows the latest scaling scores with the trend', async () => {
    const o = await overviewOf('regisseur');
    const q = o.schaalvragen.find((s) => s.id === 'schaal-veiligheid-tafel')!;
    expect(q.datum).toBe('2026-11-12');
    expect(q.scores.find((s) => s.partij === 'Veilig Thuis')).toMatchObject({ score: 5, vorigeScore: 3, trend: 'hoger' });
  });

  it('includes the case deadlines for region Flevoland with their source', async () => {
    const o = await overviewOf('moeder');
    expect(o.deadlines.map((d) => d.id)).toEqual(['beoordelen', 'kind-zien', 'risicotaxatie-mdo', 'gezinsplan', 'evaluatie', 'kind-periodiek']);
    const kindZien = o.deadlines.find((d) => d.id === 'kind-zien')!;
    expect(kindZien).toMatchObject({ due: '2026-10-05', done: '2026-10-01', status: 'op_tijd' });
    expect(kindZien.source).toContain('Flevoland');
  });

  it("shows a party's own confirmation", async () => {
    const before = (await overviewOf('vader')).afspraken.find((a) => a.id === 'afspraak-geen-alcohol')!;
    expect(before.partijen.find((p) => p.userId === 'moeder')!.bevestigdOp).toBeNull();
    const res = await fetch(`${server.http}/api/cases/demo/confirmations`, {
      method: 'POST',
      headers: { cookie: cookies.get('moeder')!, 'content-type': 'application/json', ...ownOrigin(server.http) },
      body: JSON.stringify({ sectionId: 'veiligheidsplan', blockId: 'afspraak-geen-alcohol' }),
    });
    expect(res.status).toBe(200);
    const after = (await overviewOf('vader')).afspraken.find((a) => a.id === 'afspraak-geen-alcohol')!;
    expect(after.partijen.find((p) => p.userId === 'moeder')!.bevestigdOp).not.toBeNull();
    expect(after.partijen.find((p) => p.userId === 'vader')!.bevestigdOp).toBeNull();
  });

  it('reads the live document: a block inserted in the editor shows up at once', async () => {
    const editor = connectSection(server.ws, 'demo', 'veiligheidsplan', cookies.get('regisseur')!);
    await editor.synced;
    // Dates around today, far from midnight in any time zone: the block is not overdue on any day this runs.
    const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);
    const data: BlockData['afspraak'] = {
      id: 'afspraak-nieuw-live',
      wat: 'Sanne belt oma als Daan niet kan slapen.',
      wie: 'Sanne',
      vanaf: day(-7),
      deadline: day(30),
      controle: 'Oma vertelt het aan de regisseur.',
      alsNiet: 'We bespreken het aan tafel.',
      status: 'open',
      partijen: [{ naam: 'Sanne (moeder)', personId: 'p-sanne', userId: 'moeder' }],
      toelichting: '',
    };
    insertBlock(editor, 'afspraak', data);
    // Its end date three days ago and still open: overdue, on the server's clock.
    const late: BlockData['afspraak'] = { ...data, id: 'afspraak-verlopen-live', vanaf: day(-30), deadline: day(-3) };
    insertBlock(editor, 'afspraak', late);
    try {
      // The server applies the update on its live copy; the overview reads that copy, no reload needed.
      const deadline = Date.now() + 3000;
      let seen: CaseOverview['afspraken'][number] | undefined;
      while (!seen && Date.now() < deadline) {
        seen = (await overviewOf('moeder')).afspraken.find((a) => a.id === 'afspraak-nieuw-live');
        if (!seen) await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen).toMatchObject({ sectionId: 'veiligheidsplan', deadline: data.deadline, overdue: false });
      expect(seen!.partijen).toEqual([{ naam: 'Sanne (moeder)', personId: 'p-sanne', userId: 'moeder', bevestigdOp: null }]);
      expect((await overviewOf('moeder')).afspraken.find((a) => a.id === 'afspraak-verlopen-live')).toMatchObject({ deadline: late.deadline, status: 'open', overdue: true });
    } finally {
      editor.destroy();
    }
  });

  it('refuses callers who are not signed in or not in the case, without details', async () => {
    const anonymous = await fetch(`${server.http}/api/cases/demo/overview`);
    expect(anonymous.status).toBe(401);
    expect(ApiError.parse(await anonymous.json()).error.code).toBe('not_signed_in');
    const unknown = await fetch(`${server.http}/api/cases/bestaat-niet/overview`, { headers: { cookie: cookies.get('moeder')! } });
    expect(unknown.status).toBe(404);
    const body = await unknown.text();
    expect(ApiError.parse(JSON.parse(body)).error.code).toBe('not_found');
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });
});
