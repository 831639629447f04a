import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OrganisationId, UserId } from '../../shared/ids.ts';
import { appendParagraph } from '../../test/support/syncClient.ts';
import { LocalFanout } from '../fanout/fanout.ts';
import { AfterStore, type StoredBatch } from './afterStore.ts';
import { MemoryUpdateLog } from './memoryUpdateLog.ts';
import type { Writer } from './room.ts';
import { SectionDocuments } from './sectionDocuments.ts';

const EVA: Writer = { userId: UserId.parse('regisseur'), name: 'Eva Jansen', role: 'regisseur', organisationId: OrganisationId.parse('lokaal-team'), personId: null };

/** Documents over an in-memory log, with a listener that keeps every batch it is handed. */
function documentsHeard() {
  const batches: StoredBatch[] = [];
  const log = new MemoryUpdateLog();
  const documents = new SectionDocuments(log, new LocalFanout(), new AfterStore([{ name: 'kept', stored: (b) => void batches.push(b) }], () => {}), () => {});
  return { batches, log, documents };
}

/** The update that appends a paragraph to a copy of nothing: what a new client sends first. */
function paragraph(text: string, doc = new Y.Doc()): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => {
    update = u;
  });
  appendParagraph(doc, text);
  return update!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SectionDocuments and what happens after a store', () => {
  it('a server edit is stored with its author and handed to the listeners once, at once', async () => {
    const { batches, log, documents } = documentsHeard();
    await documents.applyServerEdit('demo', 'plan', EVA, paragraph('Hersteld door de server'));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.edits).toEqual([expect.objectContaining({ caseId: 'demo', sectionId: 'plan', userId: 'regisseur', name: 'Eva Jansen' })]);
    expect(batches[0]!.editors).toEqual([]);
    await sleep(250);
    expect(batches).toHaveLength(1);
    expect((await log.updatesAfter('demo/plan', 0)).map((r) => r.userId)).toEqual(['regisseur']);
  });

  it("a socket's updates gather into one batch per flush, and a stop hands over what is gathered", async () => {
    const { batches, documents } = documentsHeard();
    const room = await documents.open('demo/plan');
    const sent: Uint8Array[] = [];
    const peer = { send: (m: Uint8Array) => void sent.push(m), close() {} };
    room.attach(peer);
    const client = new Y.Doc();
    expect(room.receiveUpdate(paragraph('eerste', client), peer, EVA)).toBeNull();
    expect(room.receiveUpdate(paragraph('tweede', client), peer, EVA)).toBeNull();
    await room.settled();
    expect(batches).toHaveLength(0);
    room.detach(peer);
    documents.release('demo/plan');
    await documents.closeAll();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.edits).toEqual([expect.objectContaining({ sectionId: 'plan', userId: 'regisseur' })]);
    expect(batches[0]!.editors).toEqual([{ caseId: 'demo', sectionId: 'plan', userId: 'regisseur', role: 'regisseur', organisationId: 'lokaal-team' }]);
  });

  it('an update under a client id someone else wrote with is refused and never stored', async () => {
    const { log, documents } = documentsHeard();
    const client = new Y.Doc();
    await documents.applyServerEdit('demo', 'plan', EVA, paragraph('van Eva', client));
    const room = await documents.open('demo/plan');
    const peer = { send() {}, close() {} };
    room.attach(peer);
    const karim: Writer = { ...EVA, userId: UserId.parse('vt'), name: 'Karim', role: 'veilig_thuis' };
    expect(room.receiveUpdate(paragraph('als Eva', client), peer, karim)).toMatch(/client-id van iemand anders/);
    await room.settled();
    expect(await log.updatesAfter('demo/plan', 0)).toHaveLength(1);
    documents.release('demo/plan');
  });
});
