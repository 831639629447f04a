import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CaseDetail, SearchResults } from '../../shared/api.ts';
import { ownRightsFrom } from '../../shared/ownRights.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { waitFor, within } from '../support/syncClient.ts';
import { serverAppend } from '../support/tafelServer.ts';

const HEALTH = 'gezondheid-jeugdige-noa';
/** A word only in Noa's health section. */
const WORD = 'eigenmerkzestien';

describe('a young person of 16 decides who in her family reads her health section, at the wire', () => {
  const { server, cookie, api } = signedInTafel(['regisseur', 'moeder', 'vader', 'jeugdige']);
  const open = (who: string) => new RawYClient(`${server.ws}/sync/demo/${HEALTH}`, cookie[who]!);
  const sectionIdsOf = async (who: string) => CaseDetail.parse(await (await api(who, 'GET', '/api/cases/demo')).json()).sections.map((s) => s.id);
  const hitsOf = async (who: string) => SearchResults.parse(await (await api(who, 'GET', `/api/cases/demo/search?q=${WORD}`)).json()).hits.map((h) => h.sectionId);

  beforeAll(async () => {
    await serverAppend(server, HEALTH, `Noa vertelt over haar ${WORD} afspraak bij de huisarts.`);
  });

  it('at 15, as the demo has her, her parents read it', async () => {
    expect(await sectionIdsOf('moeder')).toContain(HEALTH);
    expect(await hitsOf('vader')).toEqual([HEALTH]);
  });

  it('from her 16th birthday her parents get nothing of it: not in the case, the sync stream or a search', async () => {
    const turned16 = new Date(Date.now() - (16 * 365.25 + 2) * 86_400_000).toISOString().slice(0, 10);
    await server.tafel.services.sql.db.updateTable('persons').set({ birth_date: turned16 }).where('case_id', '=', 'demo').where('id', '=', 'p-noa').execute();

    for (const parent of ['moeder', 'vader']) {
      expect(await sectionIdsOf(parent), parent).not.toContain(HEALTH);
      expect(await hitsOf(parent), parent).toEqual([]);
      const socket = open(parent);
      expect((await socket.socket.closed).code, parent).toBe(CloseCode.forbidden);
      expect(socket.socket.received, parent).toHaveLength(0);
    }
    // She keeps hers, and "wie kan dit zien" no longer names her parents.
    expect(await sectionIdsOf('jeugdige')).toContain(HEALTH);
    const forRegisseur = CaseDetail.parse(await (await api('regisseur', 'GET', '/api/cases/demo')).json()).sections.find((s) => s.id === HEALTH);
    const names = forRegisseur?.visibleTo.map((v) => v.name) ?? [];
    expect(names).toContain('Noa Yilmaz');
    expect(names).not.toContain('Sanne de Groot');
    expect(names).not.toContain('Murat Yilmaz');
  });

  it('she gives her mother consent: her mother reads it again, her father still does not', async () => {
    const res = await api('jeugdige', 'POST', '/api/cases/demo/consents', {
      sectionId: HEALTH,
      basis: 'toestemming',
      grantee: { kind: 'person', personId: 'p-sanne' },
      reason: 'Mama mag dit weten.',
    });
    expect(res.status).toBe(200);
    expect(await hitsOf('moeder')).toEqual([HEALTH]);
    const mother = open('moeder');
    await mother.socket.opened;
    mother.requestState();
    await waitFor(() => mother.documentBytes > 0, 5000, 'the mother reads it');
    mother.close();
    const father = open('vader');
    expect((await father.socket.closed).code).toBe(CloseCode.forbidden);
    expect(await hitsOf('vader')).toEqual([]);
  });

  it('at the moment she turns 16, the open socket of her father (who has no consent) closes', async () => {
    // A birthday far from today, and the server's clock (it runs in this process) set to two
    // seconds before it begins, Dutch time; nobody changes anything at that moment.
    const birthDate = '2010-05-20';
    const birthday = Date.parse(ownRightsFrom(birthDate));
    await server.tafel.services.sql.db.updateTable('persons').set({ birth_date: birthDate }).where('case_id', '=', 'demo').where('id', '=', 'p-noa').execute();
    vi.useFakeTimers({ toFake: ['Date'], now: birthday - 2000, shouldAdvanceTime: true });
    try {
      const father = open('vader');
      await father.socket.opened;
      father.requestState();
      await waitFor(() => father.documentBytes > 0, 5000, 'the father reads it the evening before');
      const { code } = await within(father.socket.closed, 6000, 'his socket closes at her birthday');
      expect(code).toBe(CloseCode.forbidden);
      expect(Date.now()).toBeGreaterThanOrEqual(birthday);
    } finally {
      vi.useRealTimers();
    }
  });
});
