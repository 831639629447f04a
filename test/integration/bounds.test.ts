import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseDetail, SearchResults } from '../../shared/api.ts';
import { MAX_NESTING_DEPTH } from '../../shared/editor/nesting.ts';
import { VersionDetail, VersionView } from '../../shared/history.ts';
import { CaseOverview } from '../../shared/overview.ts';
import { CloseCode, DOC_FIELD } from '../../shared/protocol.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { connectSection, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, requestAs, type RunningTafel, serverAppend, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';
import { nestQuotes } from '../support/nesting.ts';

/** A bullet list `levels` deep (each item a paragraph and the next list), as the editor makes by indenting. */
function nestedList(fragment: Y.XmlFragment, levels: number, text: string): void {
  let parent: Y.XmlFragment = fragment;
  for (let i = 0; i < levels; i++) {
    const list = new Y.XmlElement('bulletList');
    parent.insert(parent.length, [list]);
    const item = new Y.XmlElement('listItem');
    list.insert(0, [item]);
    const p = new Y.XmlElement('paragraph');
    item.insert(0, [p]);
    p.insert(0, [new Y.XmlText(`${text} ${i + 1}`)]);
    parent = item;
  }
}

describe.each(storesToTry('nesting bounds'))('nesting bounds ($store)', ({ options }) => {
  let server: RunningTafel;
  let cookie: string;
  beforeAll(async () => {
    server = await startTafel(options);
    cookie = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(() => server?.close());

  const storedText = async (room: string) => {
    const { snapshot, updates } = await server.tafel.services.updateLog.load(room);
    const doc = new Y.Doc();
    for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
    const text = doc.getXmlFragment(DOC_FIELD).toString();
    doc.destroy();
    return text;
  };

  describe('on the wire (the stock y-websocket client)', () => {
    const room = 'demo/evaluatie';
    const freshText = async () => {
      const fresh = new RawYClient(`${server.ws}/sync/demo/evaluatie`, await signIn(server.http, demoEmail('vt')));
      await fresh.socket.opened;
      fresh.requestState();
      return fresh;
    };

    it('a list indented ten levels deep is stored and reaches others', async () => {
      const writer = connectSection(server.ws, 'demo', 'evaluatie', cookie);
      await writer.synced;
      writer.doc.transact(() => nestedList(writer.doc.getXmlFragment(DOC_FIELD), 10, 'lijstmerk'));
      const fresh = await freshText();
      await waitFor(() => fresh.text().includes('lijstmerk 10'), 5000, 'the nested list at a fresh client');
      expect(await storedText(room)).toContain('lijstmerk 10');
      expect(writer.provider.wsconnected).toBe(true);
      fresh.close();
      writer.destroy();
    });

    it(`a thousand blockquotes one in the other (more than ${MAX_NESTING_DEPTH} levels) close the socket with 4422; nothing is stored`, async () => {
      const rowsBefore = (await server.tafel.services.updateLog.updatesAfter(room, 0)).length;
      const writer = connectSection(server.ws, 'demo', 'evaluatie', cookie);
      await writer.synced;
      writer.doc.transact(() => nestQuotes(writer.doc.getXmlFragment(DOC_FIELD), 1000, 'diepmerk-draad'));
      expect(await within(writer.closed, 5000, 'the server to close the socket')).toBe(CloseCode.invalidContent);
      writer.destroy();

      expect((await server.tafel.services.updateLog.updatesAfter(room, 0)).length).toBe(rowsBefore);
      expect(await storedText(room)).not.toContain('diepmerk-draad');
      const fresh = await freshText();
      await waitFor(() => fresh.text().includes('lijstmerk 10'), 5000, 'the section at a fresh client');
      expect(fresh.text()).not.toContain('diepmerk-draad');
      fresh.close();
    });
  });

  describe('a section a thousand levels deep, written straight into the store (as before the bound existed)', () => {
    const logged: string[] = [];
    const get = (who: string, url: string) => signIn(server.http, demoEmail(who)).then((c) => requestAs(server.http, c, 'GET', url));

    beforeAll(async () => {
      server.tafel.services.log = (msg) => logged.push(msg);
      // Written before anything loads these sections, past the content guard.
      for (const sectionId of ['verklarende-analyse', 'r-derden']) {
        const room = `demo/${sectionId}`;
        const { snapshot, updates } = await server.tafel.services.updateLog.load(room);
        const doc = new Y.Doc();
        for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
        const before = Y.encodeStateVector(doc);
        doc.transact(() => {
          const fragment = doc.getXmlFragment(DOC_FIELD);
          const p = new Y.XmlElement('paragraph');
          fragment.insert(fragment.length, [p]);
          p.insert(0, [new Y.XmlText(`bovenmerk ${sectionId}`)]);
          nestQuotes(fragment, 1000, `diepmerk ${sectionId}`);
        });
        await server.tafel.services.updateLog.append([{ room, data: Y.encodeStateAsUpdate(doc, before), userId: 'regisseur' }]);
        doc.destroy();
      }
      await serverAppend(server, 'veiligheidsplan', 'gewoonmerk in een ander onderdeel');
    });

    it('the export answers 200, with a note for that section and every other section as it is', async () => {
      const res = await get('regisseur', '/api/cases/demo/export');
      expect(res.status).toBe(200);
      const html = await res.text();
      const part = (id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
      expect(part('verklarende-analyse')).toContain('Dit onderdeel kon niet worden weergegeven.');
      expect(part('r-derden')).toContain('Dit onderdeel kon niet worden weergegeven.');
      expect(html).not.toContain('diepmerk');
      expect(part('veiligheidsplan')).toContain('gewoonmerk in een ander onderdeel');
      expect(part('veiligheidsplan')).not.toContain('kon niet worden weergegeven');
      // The seeded afspraak of the safety plan is still rendered as a block.
      expect(part('veiligheidsplan')).toContain('blok-afspraak');
      expect((await get('moeder', '/api/cases/demo/export')).status).toBe(200);
    });

    it('search answers 200 and finds that section’s text, read flat, as well as the others', async () => {
      const deep = SearchResults.parse(await (await get('regisseur', '/api/cases/demo/search?q=diepmerk')).json());
      expect(deep.hits.map((h) => h.sectionId).sort()).toEqual(['r-derden', 'verklarende-analyse']);
      const other = SearchResults.parse(await (await get('regisseur', '/api/cases/demo/search?q=gewoonmerk')).json());
      expect(other.hits.map((h) => h.sectionId)).toEqual(['veiligheidsplan']);
    });

    it('the overview answers 200 with the other sections’ blocks', async () => {
      const res = await get('regisseur', '/api/cases/demo/overview');
      expect(res.status).toBe(200);
      expect(CaseOverview.parse(await res.json()).afspraken.length).toBeGreaterThan(0);
    });

    it('the section’s history answers 200: its versions, and the newest as a note with its diff', async () => {
      const versions = await get('regisseur', '/api/cases/demo/sections/verklarende-analyse/versions');
      expect(versions.status).toBe(200);
      const [newest] = VersionView.array().parse(await versions.json());
      const res = await get('regisseur', `/api/cases/demo/sections/verklarende-analyse/versions/${newest!.id}`);
      expect(res.status).toBe(200);
      const detail = VersionDetail.parse(await res.json());
      expect(JSON.stringify(detail.content)).toContain('Deze versie kon niet worden weergegeven.');
      expect(detail.diff.flatMap((b) => b.runs.map((r) => r.text)).join('')).toContain('diepmerk verklarende-analyse');
    });

    it('the case answers 200, and the family still hears that information from others is withheld', async () => {
      expect((await get('regisseur', '/api/cases/demo')).status).toBe(200);
      const res = await get('moeder', '/api/cases/demo');
      expect(res.status).toBe(200);
      expect(CaseDetail.parse(await res.json()).withheld).toEqual([catalogueEntry('r-derden').familyNotice]);
    });

    it('the server log names the sections, never their content', () => {
      expect(logged.some((m) => m.includes('demo/verklarende-analyse'))).toBe(true);
      expect(logged.some((m) => m.includes('demo/r-derden'))).toBe(true);
      for (const m of logged) expect(m).not.toMatch(/diepmerk|bovenmerk/);
    });
  });
});
