import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ThreadView } from '../../shared/comments.ts';
import { listen } from '../support/caseEvents.ts';
import { signedInTafel } from '../support/signedInTafel.ts';

const SECTION = 'aanleiding';
const SECRET = 'Vertrouwelijk: overleg tussen professionals over de melding';

describe('comments: professionals-only threads never reach the family', () => {
  const { server, cookie, api } = signedInTafel(['regisseur', 'gw', 'moeder', 'vader', 'jeugdige', 'oma']);
  const threads = async (who: string, section = SECTION) => (await (await api(who, 'GET', `/api/cases/demo/sections/${section}/threads`)).json()) as ThreadView[];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const rangeAnchor = (quote: string) => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, quote);
    const pos = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
    return { kind: 'range', start: pos(0), end: pos(quote.length), quote };
  };
  /** The section's question block, as the place a comment is about. */
  const questionAnchor = (quote: string) => ({ kind: 'block', blockId: 'aanleiding-vraag', quote });
  /** Starts a thread in the section as `who`, with its first comment. */
  const startThread = (who: string, visibility: string, anchor: object, body: string) => api(who, 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor, visibility, body });
  let secretThread: ThreadView;

  it('a professionals-only thread makes no live event for the family; an iedereen thread does', async () => {
    const mother = listen(server.http, cookie.moeder!);
    const professional = listen(server.http, cookie.regisseur!);
    await Promise.all([mother.ready, professional.ready]);
    await sleep(100);

    const created = await startThread('gw', 'professionals', rangeAnchor('een glas kapot was gegooid'), SECRET);
    expect(created.status).toBe(200);
    secretThread = (await created.json()) as ThreadView;
    expect(secretThread).toMatchObject({ sectionId: SECTION, visibility: 'professionals', resolvedAt: null });
    expect(secretThread.comments[0]).toMatchObject({ body: SECRET, author: { userId: 'gw', name: 'Lotte Hendriks', role: 'gedragswetenschapper' } });
    // A reply and a resolve on it: still nothing for the family.
    expect((await api('regisseur', 'POST', `/api/cases/demo/threads/${secretThread.id}/comments`, { body: 'Eens, bespreken we donderdag.' })).status).toBe(200);
    expect((await api('regisseur', 'POST', `/api/cases/demo/threads/${secretThread.id}/resolve`, { resolved: true })).status).toBe(200);
    await sleep(1000);
    expect(professional.events.filter((e) => e.what === 'comments').length).toBeGreaterThanOrEqual(3);
    expect(mother.events.filter((e) => e.what === 'comments')).toEqual([]);
    expect(mother.raw.join('')).not.toContain(secretThread.id);

    const before = Date.now();
    const open = await startThread('regisseur', 'iedereen', questionAnchor('Wat vraagt het gezin zelf?'), 'Klopt dit zo, Sanne en Murat?');
    expect(open.status).toBe(200);
    const deadline = Date.now() + 2000;
    while (!mother.events.some((e) => e.what === 'comments') && Date.now() < deadline) await sleep(10);
    const heard = mother.events.find((e) => e.what === 'comments');
    expect(heard).toBeDefined();
    expect(heard!.at - before).toBeLessThan(1000);
    expect(mother.raw.join('')).not.toContain('Klopt dit zo');
    mother.close();
    professional.close();
  });

  it('is absent from every API response a family member gets', async () => {
    const professionalView = await threads('regisseur');
    expect(professionalView.map((t) => t.visibility).sort()).toEqual(['iedereen', 'professionals']);
    expect(professionalView.find((t) => t.id === secretThread.id)?.resolvedBy).toBe('Eva Jansen');

    for (const who of ['moeder', 'vader', 'jeugdige']) {
      const list = await threads(who);
      expect(list.map((t) => t.visibility)).toEqual(['iedereen']);
      expect(JSON.stringify(list)).not.toContain(SECRET);
      for (const url of ['/api/cases/demo', '/api/cases/demo/overview', '/api/cases/demo/confirmations']) {
        const text = await (await api(who, 'GET', url)).text();
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(secretThread.id);
      }
      // By id: exactly the answer for a thread that does not exist.
      for (const [path, body] of [
        ['comments', { body: 'Mag ik dit lezen?' }],
        ['resolve', { resolved: false }],
      ] as const) {
        const hidden = await api(who, 'POST', `/api/cases/demo/threads/${secretThread.id}/${path}`, body);
        const unknown = await api(who, 'POST', `/api/cases/demo/threads/draad-bestaatniet000/${path}`, body);
        expect(hidden.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(await hidden.text()).toBe(await unknown.text());
      }
    }
    // Nothing changed by those attempts.
    const after = (await threads('regisseur')).find((t) => t.id === secretThread.id)!;
    expect(after.comments).toHaveLength(2);
    expect(after.resolvedAt).not.toBeNull();
  });

  it('a family member writes for everyone only, and only where they may comment', async () => {
    const refused = await startThread('moeder', 'professionals', questionAnchor('x'), 'Alleen voor jullie');
    expect(refused.status).toBe(403);
    expect((await threads('regisseur')).some((t) => t.comments.some((c) => c.body === 'Alleen voor jullie'))).toBe(false);

    const own = await startThread('moeder', 'iedereen', rangeAnchor('hulp bij de schulden'), 'Dit wil ik nog toelichten.');
    expect(own.status).toBe(200);
    const thread = (await own.json()) as ThreadView;
    expect(thread.comments[0]?.author).toEqual({ userId: 'moeder', name: 'Sanne de Groot', role: 'ouder' });
    const reply = (await (await api('regisseur', 'POST', `/api/cases/demo/threads/${thread.id}/comments`, { body: 'Graag, dank je.' })).json()) as ThreadView;
    expect(reply.comments.map((c) => c.author.name)).toEqual(['Sanne de Groot', 'Eva Jansen']);
    const resolved = (await (await api('moeder', 'POST', `/api/cases/demo/threads/${thread.id}/resolve`, { resolved: true })).json()) as ThreadView;
    expect(resolved.resolvedBy).toBe('Sanne de Groot');
    const reopened = (await (await api('moeder', 'POST', `/api/cases/demo/threads/${thread.id}/resolve`, { resolved: false })).json()) as ThreadView;
    expect(reopened.resolvedAt).toBeNull();

    // The jeugdige may read the verklarende analyse but not comment on it.
    expect((await api('jeugdige', 'GET', '/api/cases/demo/sections/verklarende-analyse/threads')).status).toBe(200);
    const readOnly = await api('jeugdige', 'POST', '/api/cases/demo/sections/verklarende-analyse/threads', {
      anchor: { kind: 'block', blockId: 'blok-1234', quote: '' },
      visibility: 'iedereen',
      body: 'Ik wil ook iets zeggen',
    });
    expect(readOnly.status).toBe(403);

    // Sections the caller cannot see do not exist for them.
    for (const section of ['r-adres', 'r-melder', 'ggz-murat']) {
      const hidden = await api('moeder', 'GET', `/api/cases/demo/sections/${section}/threads`);
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).toBe(await (await api('moeder', 'GET', '/api/cases/demo/sections/bestaat-niet/threads')).text());
    }
    expect((await api('oma', 'GET', `/api/cases/demo/sections/${SECTION}/threads`)).status).toBe(404);
  });

  it('rejects bad input with a Dutch message', async () => {
    const empty = await startThread('regisseur', 'iedereen', questionAnchor(''), '   ');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('body: Schrijf een reactie.');
    const badAnchor = await startThread('regisseur', 'iedereen', { kind: 'range', start: '!!!', end: 'AAAA', quote: 'x' }, 'Hallo');
    expect(badAnchor.status).toBe(400);
  });
});
