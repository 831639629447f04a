import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CaseDetail, SearchResults } from '../../shared/api.ts';
import { ThreadView } from '../../shared/comments.ts';
import { VersionDetail, VersionView } from '../../shared/history.ts';
import { DOC_FIELD, messageSync, messageYjsUpdate } from '../../shared/protocol.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const SECTION = 'opvoeding';
const SECRET = 'De buurvrouw zegt dat zoekmerkgeheim vaak schreeuwt.';
const KEPT = 'Murat brengt de kinderen elke dag naar school.';
const UNCLE = 'Oom Kees komt vaak langs.';
const DRINKS = 'Hij drinkt dan veel.';
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The stored bytes are rewritten in place, so both stores are tried. */
const STORES = storesToTry('destruction');

describe.each(STORES)('a removal request answered "Verwijderd" destroys the text, also in the history, on $store', ({ options }) => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const answer = (threadId: string, outcome: string) => api('regisseur', 'POST', `/api/cases/demo/threads/${threadId}/decision`, { outcome, body: 'Het ging over de buren, niet over jullie. Ik heb het weggehaald.' });
  let writer: RawYClient;
  let paragraph: Y.XmlText;
  let request: ThreadView;
  /** Professionals' threads: one quoting part of the text, one about text that stays. */
  let aboutIt: ThreadView;
  let aboutOther: ThreadView;
  let rangeOf: (quote: string, from?: Y.XmlText, to?: Y.XmlText) => Record<string, string>;
  /** The second and third paragraph. */
  const others: Y.XmlText[] = [];

  /** Sends what the regisseur's client changed, as the editor would. */
  const edit = async (change: () => void) => {
    const before = Y.encodeStateVector(writer.doc);
    change();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, messageYjsUpdate);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(writer.doc, before));
    writer.socket.ws.send(encoding.toUint8Array(e));
    // A snapshot holds the deletions too, which the state vector does not; `live` waits until stored.
    const expected = Y.snapshot(writer.doc);
    for (let tries = 0; !(await live((doc) => Y.equalSnapshots(Y.snapshot(doc), expected))); tries++) {
      if (tries > 100) throw new Error('the server did not get the edit');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** Reads the server's live document of the section. */
  const live = async <T>(read: (doc: Y.Doc) => T): Promise<T> => {
    const { documents } = server.tafel.services;
    const room = await documents.open(`demo/${SECTION}`);
    try {
      await room.settled();
      return read(room.doc);
    } finally {
      documents.release(`demo/${SECTION}`);
    }
  };
  const storedBytes = async () => {
    const { updates, snapshots } = await server.tafel.services.updateLog.everything(`demo/${SECTION}`);
    return [...updates.map((u) => u.data), ...snapshots.map((s) => s.data)];
  };
  const versionsText = async () => {
    const versions = VersionView.array().parse(await (await api('regisseur', 'GET', `/api/cases/demo/sections/${SECTION}/versions`)).json());
    const details = await Promise.all(versions.map(async (v) => VersionDetail.parse(await (await api('regisseur', 'GET', `/api/cases/demo/sections/${SECTION}/versions/${v.id}`)).json())));
    return details.map((d) => JSON.stringify(d));
  };

  beforeAll(async () => {
    server = await startTafel(options);
    // Every update its own version, so the history shows each step.
    server.tafel.services.history.sessionGapMs = 0;
    for (const who of ['regisseur', 'vt', 'moeder']) cookie[who] = await signIn(server.http, demoEmail(who));
    writer = new RawYClient(`${server.ws}/sync/demo/${SECTION}`, cookie.regisseur!);
    await writer.socket.opened;
    writer.requestState();
    await waitFor(() => writer.documentBytes > 0, 5000, 'synced');
    paragraph = new Y.XmlText();
    await edit(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [paragraph]);
      writer.doc.getXmlFragment(DOC_FIELD).push([p]);
    });
    for (const piece of [`${KEPT} De buurvrouw zegt dat `, 'zoekmerkgeheim vaak ', 'schreeuwt.']) await edit(() => paragraph.insert(paragraph.length, piece));
    for (const text of [UNCLE, DRINKS]) {
      const t = new Y.XmlText(text);
      others.push(t);
      await edit(() => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [t]);
        writer.doc.getXmlFragment(DOC_FIELD).push([p]);
      });
    }
    // A snapshot from before the removal holds the text as well.
    await server.tafel.services.updateLog.compact(`demo/${SECTION}`);

    rangeOf = (quote: string, from = paragraph, to = from) => {
      const at = from.toString().indexOf(quote);
      return {
        kind: 'range',
        start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(from, Math.max(at, 0), 0))),
        end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(to, at >= 0 ? at + quote.length : to.length, -1))),
        quote,
      };
    };
    const thread = async (who: string, body: Record<string, unknown>) => {
      const res = await api(who, 'POST', `/api/cases/demo/sections/${SECTION}/threads`, body);
      expect(res.status).toBe(200);
      return ThreadView.parse(await res.json());
    };
    request = await thread('moeder', { anchor: rangeOf(SECRET), visibility: 'iedereen', kind: 'verwijderverzoek', body: 'Dit gaat over de buren. Wilt u het weghalen?' });
    aboutIt = await thread('regisseur', { anchor: rangeOf('zoekmerkgeheim vaak'), visibility: 'professionals', body: 'Navragen bij de buurvrouw.' });
    aboutOther = await thread('regisseur', { anchor: rangeOf(KEPT), visibility: 'professionals', body: 'Mooi, dit is een kracht.' });
  });
  afterAll(async () => {
    writer.close();
    await server.close();
  });

  it('a passage over two paragraphs must be taken out by hand first; until then nothing is answered', async () => {
    const res = await api('moeder', 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: rangeOf(`${UNCLE} ${DRINKS}`, others[0], others[1]), visibility: 'iedereen', kind: 'verwijderverzoek', body: 'Over oom hoort hier niets.' });
    const across = ThreadView.parse(await res.json());
    const refused = await answer(across.id, 'verwijderd');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Deze tekst loopt over meer dan één alinea/);
    const thread = ThreadView.array().parse(await (await api('moeder', 'GET', `/api/cases/demo/sections/${SECTION}/threads`)).json()).find((t) => t.id === across.id)!;
    expect(thread.decision).toBeNull();
    expect(await live((doc) => doc.getXmlFragment(DOC_FIELD).toString())).toContain(DRINKS);
  });

  it('once the text is out of the section, the answer leaves no trace of it in the store, the history, search or the thread', async () => {
    await edit(() => paragraph.delete(paragraph.toString().indexOf(SECRET), SECRET.length));
    expect((await storedBytes()).some((b) => Buffer.from(b).includes('zoekmerkgeheim'))).toBe(true);
    expect((await versionsText()).some((v) => v.includes('zoekmerkgeheim'))).toBe(true);
    const sectionBefore = await live((doc) => doc.getXmlFragment(DOC_FIELD).toString());

    const res = await answer(request.id, 'verwijderd');
    expect(res.status).toBe(200);
    expect(ThreadView.parse(await res.json())).toMatchObject({ decision: { outcome: 'verwijderd' }, anchor: { quote: '' } });
    // Another thread quoting part of it loses its quote too; one about other text keeps it.
    const threads = ThreadView.array().parse(await (await api('regisseur', 'GET', `/api/cases/demo/sections/${SECTION}/threads`)).json());
    expect(threads.find((t) => t.id === aboutIt.id)?.anchor.quote).toBe('');
    expect(threads.find((t) => t.id === aboutOther.id)?.anchor.quote).toBe(KEPT);
    expect(JSON.stringify(threads)).not.toContain('zoekmerkgeheim');

    for (const b of await storedBytes()) for (const part of ['zoekmerkgeheim', 'De buurvrouw zegt', 'schreeuwt']) expect(Buffer.from(b).includes(part), part).toBe(false);
    const versions = await versionsText();
    expect(versions.length).toBeGreaterThan(3);
    for (const v of versions) expect(v).not.toContain('zoekmerkgeheim');
    expect(versions.some((v) => v.includes(KEPT))).toBe(true);
    const found = SearchResults.parse(await (await api('regisseur', 'GET', '/api/cases/demo/search?q=zoekmerkgeheim')).json());
    expect(found.hits).toEqual([]);
    expect(await (await api('moeder', 'GET', '/api/cases/demo/export')).text()).not.toContain('zoekmerkgeheim');

    // A second answer changes nothing.
    expect((await api('regisseur', 'POST', `/api/cases/demo/threads/${request.id}/decision`, { outcome: 'niet_verwijderd', body: 'Toch niet.' })).status).toBe(409);

    // The section itself is as it was, and loads so from the store.
    const reader = new RawYClient(`${server.ws}/sync/demo/${SECTION}`, cookie.moeder!);
    await reader.socket.opened;
    reader.requestState();
    await waitFor(() => reader.text().includes(KEPT), 5000, 'the mother reads the section');
    expect(reader.doc.getXmlFragment(DOC_FIELD).toString()).toBe(sectionBefore);
    reader.close();
    const reloaded = new Y.Doc();
    const stored = await server.tafel.services.updateLog.load(`demo/${SECTION}`);
    for (const u of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]) Y.applyUpdate(reloaded, u);
    expect(reloaded.getXmlFragment(DOC_FIELD).toString()).toBe(sectionBefore);
  });

  it('a request answered "Niet verwijderd" destroys nothing later, even once the text is gone', async () => {
    const res = await api('moeder', 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: rangeOf(KEPT), visibility: 'iedereen', kind: 'verwijderverzoek', body: 'Dit hoeft er niet in.' });
    const kept = ThreadView.parse(await res.json());
    expect((await answer(kept.id, 'niet_verwijderd')).status).toBe(200);
    await edit(() => paragraph.delete(paragraph.toString().indexOf(KEPT), KEPT.length));
    expect((await answer(kept.id, 'verwijderd')).status).toBe(409);
    expect((await storedBytes()).some((b) => Buffer.from(b).includes('brengt de kinderen'))).toBe(true);
  });

  it('answered "Verwijderd" while the passage is still there, the server takes it out as an edit by the one who answers, and destroys it', async () => {
    const res = await api('moeder', 'POST', `/api/cases/demo/sections/${SECTION}/threads`, { anchor: rangeOf(DRINKS, others[1]), visibility: 'iedereen', kind: 'verwijderverzoek', body: 'Dit is niet waar.' });
    const drinks = ThreadView.parse(await res.json());
    // Veilig Thuis, who may edit this section too, answers this one.
    const answered = await api('vt', 'POST', `/api/cases/demo/threads/${drinks.id}/decision`, { outcome: 'verwijderd', body: 'Niet bevestigd; weggehaald.' });
    expect(answered.status).toBe(200);
    await waitFor(() => !writer.text().includes(DRINKS), 5000, 'the writer sees it go');
    expect(await live((doc) => doc.getXmlFragment(DOC_FIELD).toString())).not.toContain(DRINKS);
    expect(await live((doc) => doc.getXmlFragment(DOC_FIELD).toString())).toContain(UNCLE);
    for (const b of await storedBytes()) expect(Buffer.from(b).includes('drinkt'), 'stored').toBe(false);
    // The section says who changed it last. (Its history does not show the removal: what was
    // removed is destroyed, so in the rewritten history it was never there to remove.)
    const detail = CaseDetail.parse(await (await api('regisseur', 'GET', '/api/cases/demo')).json());
    expect(detail.sections.find((x) => x.id === SECTION)?.updatedBy).toBe('Karim El Amrani');
    for (const v of await versionsText()) expect(v).not.toContain('drinkt');
  });
});
