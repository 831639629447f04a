import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { messageSync, messageYjsSyncStep1, messageYjsSyncStep2 } from '../../shared/protocol.ts';
import { childrenOnDataDir } from '../support/childSuite.ts';
import { appendParagraph, connectSection, fragmentText, waitFor, within } from '../support/syncClient.ts';
import { demoEmail, signIn } from '../support/tafelServer.ts';

describe('a server stopped the way a deploy stops it', () => {
  const children = childrenOnDataDir('tafel-graceful-');

  it('stores what it accepted, closes with 1012, and a stock client reconnects and sends the rest', async () => {
    let server = await children.start();
    const cookie = await signIn(server.http, demoEmail('regisseur'));
    // A live-event stream stays open, as a browser's does: it must not hold up the stop.
    const events = await fetch(`${server.http}/api/cases/demo/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const writer = connectSection(server.ws, 'demo', 'plan', cookie);
    const codes: number[] = [];
    writer.provider.on('connection-close', (e: CloseEvent | null) => {
      if (e) codes.push(e.code);
    });
    await writer.synced;

    let typed = 0;
    const typing = setInterval(() => appendParagraph(writer.doc, `herstart ${typed++}`), 5);
    await waitFor(() => typed > 40, 5000, 'some typing');
    const stopping = Date.now();
    await server.stop();
    const stopMs = Date.now() - stopping;
    await waitFor(() => codes.length > 0, 5000, 'the socket to close');
    appendParagraph(writer.doc, 'na de stop getypt');
    clearInterval(typing);
    expect(codes[0]).toBe(1012);
    // Well before childServer's SIGKILL after 5 s: the stop did not wait for the event stream.
    expect(stopMs).toBeLessThan(4000);

    server = await children.restart();
    // y-websocket reconnects by itself after 1012 and sends what the server misses.
    const reader = connectSection(server.ws, 'demo', 'plan', await signIn(server.http, demoEmail('gi')));
    await reader.synced;
    const expected = fragmentText(writer.doc).split('\n').filter((l) => l.startsWith('herstart ') || l === 'na de stop getypt');
    await waitFor(() => expected.every((l) => reader.text().includes(l)), 15_000, 'every line at the restarted server');
    writer.destroy();
    reader.destroy();
  }, 120_000);

  it('writes the log line and the change time of an edit stored just before the stop', async () => {
    let server = await children.start();
    const cookie = await signIn(server.http, demoEmail('regisseur'));
    const before = new Date().toISOString();
    const writer = connectSection(server.ws, 'demo', 'evaluatie', cookie);
    await writer.synced;
    const ws = writer.provider.ws!;
    // A sync step 2 answering this step 1 means the paragraph is stored (see the test below).
    const stored = new Promise<void>((resolve) => ws.addEventListener('message', (event: MessageEvent) => isSyncStep2(event) && resolve()));
    appendParagraph(writer.doc, 'vlak voor de stop');
    ws.send(syncStep1(writer.doc));
    await within(stored, 5000, 'the paragraph stored');
    // Well within the 150 ms in which stored edits gather before they are logged.
    await server.stop();
    writer.destroy();

    server = await children.restart();
    const again = await signIn(server.http, demoEmail('regisseur'));
    const log = (await (await fetch(`${server.http}/api/cases/demo/audit?own=true`, { headers: { cookie: again } })).json()) as { entries: { event: string; sectionId: string | null; at: string }[] };
    expect(log.entries.some((x) => x.event === 'sectie-bewerkt' && x.sectionId === 'evaluatie' && x.at >= before)).toBe(true);
    const detail = (await (await fetch(`${server.http}/api/cases/demo`, { headers: { cookie: again } })).json()) as { sections: { id: string; updatedAt: string | null }[] };
    expect((detail.sections.find((x) => x.id === 'evaluatie')?.updatedAt ?? '') >= before).toBe(true);
  }, 120_000);

  it('answers a sync step 1 only after every update sent before it is stored (the client counts that as saved)', async () => {
    let server = await children.start();
    const cookie = await signIn(server.http, demoEmail('regisseur'));
    const writer = connectSection(server.ws, 'demo', 'aanleiding', cookie);
    await writer.synced;
    const ws = writer.provider.ws!;
    // Every sync step 2 the server sends answers a step 1; the n-th answers the n-th asked.
    const asked: string[] = [];
    const acknowledged: string[] = [];
    ws.addEventListener('message', (event: MessageEvent) => {
      const line = isSyncStep2(event) ? asked.shift() : undefined;
      if (line) acknowledged.push(line);
    });
    let n = 0;
    const typing = setInterval(() => {
      const line = `bevestigd ${n++}`;
      appendParagraph(writer.doc, line);
      asked.push(line);
      ws.send(syncStep1(writer.doc));
    }, 4);
    await waitFor(() => acknowledged.length > 60, 10_000, 'acknowledgements');
    await server.kill9();
    clearInterval(typing);
    const acked = [...acknowledged];
    writer.destroy();

    server = await children.restart();
    const reader = connectSection(server.ws, 'demo', 'aanleiding', await signIn(server.http, demoEmail('gi')));
    await within(reader.synced, 10_000, 'reader sync');
    const stored = new Set(reader.text().split('\n'));
    expect(acked.filter((l) => !stored.has(l))).toEqual([]);
    reader.destroy();
  }, 120_000);
});

/** A sync step 1 with the client's state vector: the server answers it once all before it is stored. */
function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageSync);
  encoding.writeVarUint(e, messageYjsSyncStep1);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  return encoding.toUint8Array(e);
}

function isSyncStep2(event: MessageEvent): boolean {
  const d = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
  return decoding.readVarUint(d) === messageSync && decoding.readVarUint(d) === messageYjsSyncStep2;
}
