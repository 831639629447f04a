import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ATTESTED_FIELD } from '../../shared/blocks/attestedFields.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { attestFields } from './attestedFields.ts';
import { ContentGuard } from './contentGuard.ts';

const DATA = { id: 'besluit-tafel', keuze: 'drang', onderbouwing: 'Zo is het besproken.', datum: '2027-01-14', aanwezig: ['Eva Jansen', 'Sanne de Groot'], reactieSectie: null };

/** A besluit section as the server wrote it (block and its attested fields), a client synced with it, and the guard. */
function decided() {
  const doc = new Y.Doc();
  doc.transact(() => {
    const block = new Y.XmlElement('besluit');
    block.setAttribute('data', DATA as unknown as string);
    doc.getXmlFragment(DOC_FIELD).insert(0, [block]);
    attestFields(doc, DATA.id, { aanwezig: DATA.aanwezig, datum: DATA.datum });
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  return { doc, client, guard: new ContentGuard(doc) };
}

/** The update of one change in the client's copy. */
function change(client: Y.Doc, edit: (doc: Y.Doc, block: Y.XmlElement) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client, client.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement));
  return Y.encodeStateAsUpdate(client, before);
}

describe('fields the server attested stay as it wrote them', () => {
  it('a new rationale is taken', () => {
    const s = decided();
    expect(s.guard.rejectReason(change(s.client, (_, b) => b.setAttribute('data', { ...DATA, onderbouwing: 'Anders gezegd.' } as unknown as string)))).toBeNull();
  });

  it('another list of who was there, or another date, is refused', () => {
    const s = decided();
    expect(s.guard.rejectReason(change(s.client, (_, b) => b.setAttribute('data', { ...DATA, aanwezig: ['Iemand anders'] } as unknown as string)))).toMatch(/aanwezig/);
    const t = decided();
    expect(t.guard.rejectReason(change(t.client, (_, b) => b.setAttribute('data', { ...DATA, datum: '2027-01-15' } as unknown as string)))).toMatch(/datum/);
  });

  it('the note itself cannot be overwritten, removed or added to by a client', () => {
    for (const edit of [
      (doc: Y.Doc) => doc.getMap(ATTESTED_FIELD).set(DATA.id, { fields: {} }),
      (doc: Y.Doc) => doc.getMap(ATTESTED_FIELD).delete(DATA.id),
      (doc: Y.Doc) => doc.getMap(ATTESTED_FIELD).set('besluit-nep', { fields: { aanwezig: ['Niemand'] } }),
    ]) {
      const s = decided();
      expect(s.guard.rejectReason(change(s.client, edit))).not.toBeNull();
    }
  });

  it('the block cannot be removed or copied (a copy would carry another author)', () => {
    const s = decided();
    expect(s.guard.rejectReason(change(s.client, (doc) => doc.getXmlFragment(DOC_FIELD).delete(0, 1)))).toMatch(/weggehaald/);
    const copy = decided();
    const update = change(copy.client, (doc) => {
      const again = new Y.XmlElement('besluit');
      again.setAttribute('data', DATA as unknown as string);
      doc.getXmlFragment(DOC_FIELD).insert(1, [again]);
    });
    expect(copy.guard.rejectReason(update)).toMatch(/gekopieerd/);
  });
});
