import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markDemoCase } from '../support/markedCase.ts';
import * as Y from 'yjs';
import { SearchResults } from '../../shared/api.ts';
import { DEMO_ACCOUNTS } from '../../server/seed/demoCase.ts';
import { ownOrigin, type RunningTafel, serverEdit, startTafel } from '../support/tafelServer.ts';

/** A word that occurs nowhere else: one per section, so a leak names the section it came from. */
const marker = (sectionId: string) => `zoekmerk${sectionId.replaceAll('-', '')}`;
const PROFESSIONAL_NOTE = 'zoekmerkoverlegprofessionals';

describe('export and search: only what the caller may read', () => {
  let server: RunningTafel;
  const cookies = new Map<string, string>();
  const readable = new Map<string, Set<string>>();
  let sectionIds: string[] = [];
  const get = (account: string, url: string) => fetch(`${server.http}${url}`, { headers: { cookie: cookies.get(account)! } });
  beforeAll(async () => {
    server = await startTafel();
    sectionIds = await markDemoCase(server, marker, { cookies, readable });
    // A professionals-only thread on a section the whole family can read.
    const res = await fetch(`${server.http}/api/cases/demo/sections/veiligheidsplan/threads`, {
      method: 'POST',
      headers: { cookie: cookies.get('regisseur')!, 'content-type': 'application/json', ...ownOrigin(server.http) },
      body: JSON.stringify({ anchor: { kind: 'block', blockId: 'afspraak-weggaan-bij-ruzie', quote: 'weggaan bij ruzie' }, visibility: 'professionals', body: `Intern: ${PROFESSIONAL_NOTE}` }),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => server.close());

  const markersIn = (text: string) => new Set(sectionIds.filter((id) => text.includes(marker(id))));

  it.each(DEMO_ACCOUNTS.map((a) => a.id))('the export of %s holds exactly the sections it may read', async (account) => {
    const res = await get(account, '/api/cases/demo/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="afschrift-demo-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(markersIn(html)).toEqual(readable.get(account));
    const family = DEMO_ACCOUNTS.find((a) => a.id === account)!.organisationId === 'gezin';
    expect(html.includes(PROFESSIONAL_NOTE)).toBe(!family);
    // No section that is not exported is named in it either.
    const hidden = sectionIds.filter((id) => !readable.get(account)!.has(id));
    for (const id of hidden) expect(html).not.toContain(`id="${id}"`);
  });

  it.each(DEMO_ACCOUNTS.map((a) => a.id))('a search by %s finds only sections it may read', async (account) => {
    const res = await get(account, '/api/cases/demo/search?q=zoekmerk');
    expect(res.status).toBe(200);
    const body = await res.text();
    const results = SearchResults.parse(JSON.parse(body));
    expect(new Set(results.hits.map((h) => h.sectionId))).toEqual(readable.get(account));
    // The snippets split the marker at the match; what follows it still names the section.
    const named = new Set(sectionIds.filter((id) => body.includes(`"after":"${id.replaceAll('-', '')} voor de test`)));
    expect(named).toEqual(readable.get(account));
    const family = DEMO_ACCOUNTS.find((a) => a.id === account)!.organisationId === 'gezin';
    expect(body.includes(PROFESSIONAL_NOTE.slice('zoekmerk'.length))).toBe(!family);
  });

  it('a search for a word only in a hidden section answers as if there were nothing', async () => {
    expect(readable.get('moeder')!.has('r-melder')).toBe(false);
    const res = await get('moeder', `/api/cases/demo/search?q=${marker('r-melder')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ query: marker('r-melder'), hits: [] });
  });

  it('a search shows the match with text around it', async () => {
    const res = await get('regisseur', `/api/cases/demo/search?q=${encodeURIComponent(marker('veiligheidsplan').toUpperCase())}`);
    const { hits } = SearchResults.parse(await res.json());
    expect(hits).toHaveLength(1);
    expect(hits[0]!.snippets[0]).toMatchObject({ where: 'tekst', match: marker('veiligheidsplan'), after: ' voor de test.' });
    expect(hits[0]!.snippets[0]!.before).toMatch(/Notitie $/);
  });

  it('a parent who types without accents finds the section title with them', async () => {
    expect(readable.get('moeder')!.has('financien')).toBe(true);
    const res = await get('moeder', '/api/cases/demo/search?q=financien');
    const { hits } = SearchResults.parse(await res.json());
    const finance = hits.find((h) => h.sectionId === 'financien');
    expect(finance?.snippets[0]).toMatchObject({ where: 'tekst', match: 'Financiën' });
  });

  it('a search that is too short or too long is refused with a clear message', async () => {
    for (const q of ['', 'a', 'x'.repeat(101)]) {
      const res = await get('regisseur', `/api/cases/demo/search?q=${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('q');
    }
  });

  it('the mother sees in "wie heeft mijn dossier bekeken" who took a copy, of her sections only', async () => {
    const res = await get('moeder', '/api/cases/demo/audit');
    const log = (await res.json()) as { entries: { event: string; who: string; sections?: { id: string }[] }[] };
    // One entry per copy, listing the sections in it that she may read.
    const copies = log.entries.filter((e) => e.event === 'export');
    expect(copies.some((e) => e.who === 'Karim El Amrani' && e.sections?.some((s) => s.id === 'veiligheidsplan'))).toBe(true);
    for (const e of copies) for (const s of e.sections ?? []) expect(readable.get('moeder')!.has(s.id)).toBe(true);
  });

  it('a section holding what no editor can load (stored before the guard refused it) still exports and searches', async () => {
    await serverEdit(server, 'financien', (f) => {
      f.insert(0, [new Y.XmlText('zoekmerklos buiten een alinea')]);
      (f as unknown as { insert(i: number, c: unknown[]): void }).insert(0, [{ zoekmerkwaarde: true }]);
    });
    const html = await (await get('regisseur', '/api/cases/demo/export')).text();
    expect(markersIn(html)).toEqual(readable.get('regisseur'));
    // Left out, as the editor leaves it out.
    expect(html).not.toContain('zoekmerklos');
    expect(html).not.toContain('zoekmerkwaarde');
    const found = SearchResults.parse(await (await get('regisseur', `/api/cases/demo/search?q=${marker('financien')}`)).json());
    expect(found.hits.map((h) => h.sectionId)).toEqual(['financien']);
    const hidden = SearchResults.parse(await (await get('regisseur', '/api/cases/demo/search?q=zoekmerklos')).json());
    expect(hidden.hits).toEqual([]);
  });

  it('someone outside the case gets 404 for export and search', async () => {
    const outsider = await fetch(`${server.http}/api/cases/geen-zaak/export`, { headers: { cookie: cookies.get('moeder')! } });
    expect(outsider.status).toBe(404);
    const anonymous = await fetch(`${server.http}/api/cases/demo/search?q=school`);
    expect(anonymous.status).toBe(401);
  });
});
