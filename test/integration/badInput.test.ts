import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { invalidContent } from '../../server/documents/contentGuard.ts';
import { CloseCode, DOC_FIELD, messageSync, messageYjsUpdate } from '../../shared/protocol.ts';
import { rawSocket } from '../support/rawSocket.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { appendParagraph, connectSection, waitFor, within } from '../support/syncClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { demoEmail, ownOrigin, signIn } from '../support/tafelServer.ts';

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageSync);
  encoding.writeVarUint(e, messageYjsUpdate);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe('bad input closes one socket or request, never the process', () => {
  const { server, cookie } = signedInTafel(['regisseur']);
  const eva = () => cookie.regisseur!;

  const sendAndClose = async (payload: Uint8Array | string) => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`, { cookie: eva() });
    await s.opened;
    s.ws.send(payload);
    return (await s.closed).code;
  };

  it.each([
    ['a truncated varint', Uint8Array.from([0xff, 0xff])],
    ['an unknown message type', Uint8Array.from([9, 0, 0])],
    ['an unknown sync step', Uint8Array.from([messageSync, 7, 0])],
    ['a truncated update', syncUpdate(Uint8Array.from([1, 5, 200, 1, 0]))],
    ['a sync message cut short', Uint8Array.from([messageSync, messageYjsUpdate, 50, 1, 2])],
    ['an awareness update that is not JSON', Uint8Array.from([1, 6, 1, 1, 1, 2, 0x7b, 0x7b])],
  ])('%s closes with 4400', async (_name, payload) => {
    expect(await sendAndClose(payload)).toBe(CloseCode.malformed);
  });

  it('a text frame closes with 4400', async () => {
    expect(await sendAndClose('hallo')).toBe(CloseCode.malformed);
  });

  it('a message over 1 MiB closes with 4413', async () => {
    expect(await sendAndClose(syncUpdate(new Uint8Array(2 * 1024 * 1024)))).toBe(CloseCode.tooLarge);
  });

  it('other clients keep working after all of that', async () => {
    const a = connectSection(server.ws, 'demo', 'evaluatie', eva());
    const b = connectSection(server.ws, 'demo', 'evaluatie', await signIn(server.http, demoEmail('gi')));
    await Promise.all([a.synced, b.synced]);
    appendParagraph(a.doc, 'nog steeds in de lucht');
    await waitFor(() => b.text().includes('nog steeds in de lucht'));
    a.destroy();
    b.destroy();
  });

  describe('a change that would make the document invalid', () => {
    const room = 'demo/veiligheidsplan';
    const sectionUrl = () => `${server.ws}/sync/demo/veiligheidsplan`;
    const validAfspraak = {
      id: 'afspraak-aanval',
      wat: 'Iets',
      wie: 'Iemand',
      vanaf: '2026-11-20',
      deadline: null,
      controle: 'Controle',
      alsNiet: 'Gevolg',
      status: 'open',
      partijen: [{ naam: 'Murat (vader)', personId: 'p-murat', userId: 'vader' }],
      toelichting: '',
    };
    const block = (name: string, data: unknown) => {
      const el = new Y.XmlElement(name);
      // Tiptap stores the block's object as the attribute value; Yjs types it as a string.
      el.setAttribute('data', data as string);
      return el;
    };
    const append = (doc: Y.Doc, el: Y.XmlElement) => doc.getXmlFragment(DOC_FIELD).push([el]);

    /** Every node of a document with its attributes, as text, so a marker anywhere in it is found. */
    const dump = (doc: Y.Doc) => {
      const out: string[] = [];
      for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
        out.push(node instanceof Y.XmlElement ? `<${node.nodeName} ${JSON.stringify(node.getAttributes())}>` : node.toString());
      }
      return out.join('\n');
    };
    /** The section as the server would load it after a restart: snapshot plus logged updates. */
    const stored = async () => {
      const { snapshot, updates } = await server.tafel.services.updateLog.load(room);
      const doc = new Y.Doc();
      for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
      return doc;
    };
    const storedRows = async () => (await server.tafel.services.updateLog.updatesAfter(room, 0)).length;

    /** The regisseur (who may edit) makes the change in a synced copy and sends exactly that update. */
    const send = async (change: (doc: Y.Doc) => void) => {
      const sender = new RawYClient(sectionUrl(), eva());
      await sender.socket.opened;
      sender.requestState();
      await waitFor(() => sender.documentBytes > 0, 5000, 'sender state');
      let update: Uint8Array | null = null;
      sender.doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'server') update = u;
      });
      change(sender.doc);
      if (!update) throw new Error('the change made no update');
      sender.socket.ws.send(syncUpdate(update));
      return sender;
    };
    const attack = async (change: (doc: Y.Doc) => void) => within((await send(change)).socket.closed, 5000, 'the server to close the sending socket');

    it('the same valid afspraak sent the same way is stored (the cases below differ from it in one way)', async () => {
      const sender = await send((d) => append(d, block('afspraak', validAfspraak)));
      const fresh = new RawYClient(sectionUrl(), await signIn(server.http, demoEmail('vt')));
      await fresh.socket.opened;
      fresh.requestState();
      await waitFor(() => dump(fresh.doc).includes('"id":"afspraak-aanval"'), 5000, 'the valid afspraak at a fresh client');
      const log = await stored();
      expect(dump(log)).toContain('"id":"afspraak-aanval"');
      expect(sender.socket.ws.readyState).toBe(sender.socket.ws.OPEN);
      sender.close();
      fresh.close();
      log.destroy();
    });

    let round = 0;
    it.each<[string, string, (doc: Y.Doc) => void]>([
      ['an afspraak whose deadline lies before its start', 'afspraak-aanval-deadline', (d) => append(d, block('afspraak', { ...validAfspraak, id: 'afspraak-aanval-deadline', deadline: '2026-11-01' }))],
      ['an afspraak nobody agreed to', 'afspraak-aanval-partijen', (d) => append(d, block('afspraak', { ...validAfspraak, id: 'afspraak-aanval-partijen', partijen: [] }))],
      ['an afspraak from a date that does not exist', 'afspraak-aanval-datum', (d) => append(d, block('afspraak', { ...validAfspraak, id: 'afspraak-aanval-datum', vanaf: '2026-02-30' }))],
      [
        'an afspraak without data',
        'afspraak-aanval-leeg',
        (d) => {
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText('afspraak-aanval-leeg')]);
          d.getXmlFragment(DOC_FIELD).push([p, new Y.XmlElement('afspraak')]);
        },
      ],
      [
        'a valid afspraak changed in place to one without parties',
        'ingekort-door-aanval',
        (d) => {
          for (const node of d.getXmlFragment(DOC_FIELD).createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'afspraak')) {
            const el = node as Y.XmlElement;
            const data = el.getAttribute('data') as unknown as { id: string };
            if (data.id === 'afspraak-geen-alcohol') el.setAttribute('data', { ...data, wat: 'ingekort-door-aanval', partijen: [] } as unknown as string);
          }
        },
      ],
      [
        'an unknown node with text in it',
        'alert-aanval',
        (d) => {
          const el = new Y.XmlElement('script');
          el.insert(0, [new Y.XmlText('alert-aanval')]);
          append(d, el);
        },
      ],
      [
        'an unknown node hidden inside a list item',
        'iframe-aanval',
        (d) => {
          const frame = new Y.XmlElement('iframe');
          frame.setAttribute('src', 'https://iframe-aanval.example');
          const li = new Y.XmlElement('listItem');
          li.insert(0, [frame]);
          const list = new Y.XmlElement('bulletList');
          list.insert(0, [li]);
          append(d, list);
        },
      ],
      [
        'a paragraph inside a paragraph, which no editor can load',
        'genest-aanval',
        (d) => {
          const inner = new Y.XmlElement('paragraph');
          inner.insert(0, [new Y.XmlText('genest-aanval')]);
          const outer = new Y.XmlElement('paragraph');
          outer.insert(0, [inner]);
          append(d, outer);
        },
      ],
      [
        'an afspraak smuggled into text as an embed',
        'embed-aanval',
        (d) =>
          d.transact(() => {
            const p = new Y.XmlElement('paragraph');
            const text = new Y.XmlText('embed-aanval');
            p.insert(0, [text]);
            append(d, p);
            text.insertEmbed(0, { afspraak: { id: 'embed-aanval' } });
          }),
      ],
      [
        'text formatted with a mark the editor does not know',
        'opmaak-aanval',
        (d) =>
          d.transact(() => {
            const p = new Y.XmlElement('paragraph');
            p.insert(0, [new Y.XmlText()]);
            append(d, p);
            (p.get(0) as Y.XmlText).insert(0, 'opmaak-aanval', { onclick: { code: 'alert(1)' } });
          }),
      ],
      [
        'a value put straight into the document, outside any paragraph',
        'los-aanval',
        // The editor never does this; a crafted client can, and no editor could load the result.
        (d) => (d.getXmlFragment(DOC_FIELD) as unknown as { push(c: unknown[]): void }).push(['los-aanval']),
      ],
      [
        'half of a change: text for a paragraph the server never received',
        'afhankelijk-aanval',
        (d) => {
          // Two transactions; only the second is sent, so it leans on content the server lacks.
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText()]);
          append(d, p);
          (p.get(0) as Y.XmlText).insert(0, 'afhankelijk-aanval', { onclick: { code: 'alert(1)' } });
        },
      ],
    ])('%s closes the socket with 4422; nothing is stored or relayed', async (_name, marker, change) => {
      const observer = connectSection(server.ws, 'demo', 'veiligheidsplan', await signIn(server.http, demoEmail('gi')));
      await observer.synced;
      const rowsBefore = await storedRows();

      const { code } = await attack(change);
      expect(code).toBe(CloseCode.invalidContent);
      expect(await storedRows()).toBe(rowsBefore);

      // Other clients keep working; the observer's next edit is stored behind where the rejected one would be.
      const proof = `nog steeds bruikbaar ${++round}`;
      appendParagraph(observer.doc, proof);
      const fresh = new RawYClient(sectionUrl(), await signIn(server.http, demoEmail('vt')));
      await fresh.socket.opened;
      fresh.requestState();
      await waitFor(() => fresh.text().includes(proof), 5000, 'the observer edit at a fresh client');
      expect(observer.provider.wsconnected).toBe(true);
      const log = await stored();
      expect(dump(log)).toContain(proof);
      for (const doc of [observer.doc, fresh.doc, log]) expect(dump(doc)).not.toContain(marker);
      fresh.close();
      observer.destroy();
      log.destroy();
    });

    it('a deletion alone that leaves a list item without its paragraph closes with 4422; the paragraph stays', async () => {
      const list = new Y.XmlElement('bulletList');
      const li = new Y.XmlElement('listItem');
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('punt-blijft-staan')]);
      li.insert(0, [p]);
      list.insert(0, [li]);
      const writer = await send((d) => append(d, list));
      // An update is relayed only once stored, so a reader that has the list means it is in the log.
      const reader = new RawYClient(sectionUrl(), await signIn(server.http, demoEmail('vt')));
      await reader.socket.opened;
      reader.requestState();
      await waitFor(() => dump(reader.doc).includes('punt-blijft-staan'), 5000, 'the list at a reader');
      reader.close();
      writer.close();
      const rowsBefore = await storedRows();

      const { code } = await attack((d) => {
        for (const node of d.getXmlFragment(DOC_FIELD).createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === 'listItem')) {
          const item = node as Y.XmlElement;
          if (item.toString().includes('punt-blijft-staan')) item.delete(0, 1);
        }
      });
      expect(code).toBe(CloseCode.invalidContent);
      expect(await storedRows()).toBe(rowsBefore);
      const fresh = new RawYClient(sectionUrl(), await signIn(server.http, demoEmail('vt')));
      await fresh.socket.opened;
      fresh.requestState();
      await waitFor(() => dump(fresh.doc).includes('punt-blijft-staan'), 5000, 'the list at a fresh client');
      expect(invalidContent(fresh.doc.getXmlFragment(DOC_FIELD))).toBeNull();
      fresh.close();
    });
  });

  it('an upgrade without a session closes with 4401 and sends nothing', async () => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`);
    expect((await s.closed).code).toBe(CloseCode.notSignedIn);
    expect(s.received).toHaveLength(0);
  });

  it('an upgrade from a foreign Origin closes with 4405 and sends nothing, even with a valid session', async () => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`, { cookie: eva(), origin: 'https://evil.example' });
    const { code } = await s.closed;
    expect(code).toBe(CloseCode.badOrigin);
    expect(s.received).toHaveLength(0);
  });

  it('an upgrade from the server origin is accepted', async () => {
    const s = rawSocket(`${server.ws}/sync/demo/plan`, { cookie: eva(), origin: server.http });
    await s.opened;
    s.ws.close();
  });

  it.each([
    ['/sync/demo/bestaat-niet', CloseCode.notFound],
    ['/sync/ander-dossier/plan', CloseCode.notFound],
    ['/sync/demo/..%2F..%2Fetc', CloseCode.notFound],
    ['/sync/demo/PLAN', CloseCode.notFound],
    ['/sync/demo', CloseCode.notFound],
    ['/sync/demo/plan/extra', CloseCode.notFound],
  ])('%s closes with %i and sends nothing', async (url, expected) => {
    const s = rawSocket(`${server.ws}${url}`, { cookie: eva() });
    expect((await s.closed).code).toBe(expected);
    expect(s.received).toHaveLength(0);
  });

  describe('HTTP', () => {
    const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server.http}${url}`, { method: 'POST', headers: { ...ownOrigin(server.http), ...headers }, body });

    it('invalid JSON gets 400 invalid_json naming the body', async () => {
      const res = await post('/api/session', '{"email": ');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String), field: 'body' } });
    });

    it('a missing field is named', async () => {
      const res = await post('/api/session', JSON.stringify({ email: 'regisseur@demo.tafel' }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { field: string } };
      expect(body.error.field).toBe('password');
    });

    it('a body over the limit gets 413 without a stack trace', async () => {
      const res = await post('/api/session', JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(400_000) }));
      expect(res.status).toBe(413);
      const text = await res.text();
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('an id that is not an id gets 400 naming the parameter', async () => {
      const res = await fetch(`${server.http}/api/cases/${encodeURIComponent('../etc/passwd')}`, { headers: { cookie: eva() } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('params');
    });

    it('unknown user and wrong password get the same answer', async () => {
      const a = await post('/api/session', JSON.stringify({ email: 'niemand@demo.tafel', password: 'x' }));
      const b = await post('/api/session', JSON.stringify({ email: 'regisseur@demo.tafel', password: 'fout' }));
      expect(a.status).toBe(401);
      expect(b.status).toBe(401);
      expect(await a.json()).toEqual(await b.json());
    });

    it('repeated failed sign-ins are rate limited', async () => {
      let last = 0;
      for (let i = 0; i < 12; i++) {
        last = (await post('/api/session', JSON.stringify({ email: 'vader@demo.tafel', password: `fout-${i}` }))).status;
      }
      expect(last).toBe(429);
    });
  });
});
