import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/comments.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { destroyedBy, removalOf, scrubUpdate } from './destruction.ts';

const SECRET = 'Gevoelige zin over Murat.';
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A section written in small updates, as the log holds them, with a sourced passage and a block. */
function writtenSection() {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => log.push(u));
  const fragment = doc.getXmlFragment(DOC_FIELD);
  const text = new Y.XmlText();
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [text]);
    fragment.insert(0, [p]);
  });
  // Typed in pieces, one of them across the secret's edges, so items must be cut.
  for (const piece of ['Eerste zin. Gevoel', 'ige zin over ', 'Murat. Laatste', ' zin.']) text.insert(text.length, piece);
  const at = text.toString().indexOf(SECRET);
  text.format(at, SECRET.length, { bron: { soort: 'mening', bron: 'buurvrouw Jansen' } });
  doc.transact(() => {
    const block = new Y.XmlElement('zorg');
    block.setAttribute('data', { id: 'zorg-geheim', wie: 'VT', wat: 'Geheime zorg over de buren' } as never);
    fragment.insert(1, [block]);
  });
  const range: CommentAnchor = {
    kind: 'range',
    start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, 0))),
    end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at + SECRET.length, -1))),
    quote: SECRET,
  };
  return { doc, log, text, fragment, range, at };
}

function replay(updates: readonly Uint8Array[], gc: boolean): Y.Doc {
  const doc = new Y.Doc({ gc });
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

const bytesContain = (u: Uint8Array, text: string) => Buffer.from(u).includes(Buffer.from(text));

describe('destroying what a removal request was about', () => {
  it('refuses while the text is still in the section', () => {
    const { log, range } = writtenSection();
    expect(destroyedBy(range, replay(log, false).getXmlFragment(DOC_FIELD))).toEqual({ problem: 'nog-aanwezig' });
  });

  it('removes the text and its source from every stored update; the section and the rest of its history replay as before', () => {
    const { doc, log, text, range, at } = writtenSection();
    const beforeDeletion = log.length;
    text.delete(at, SECRET.length);
    const snapshotBefore = Y.mergeUpdates(log.slice(0, beforeDeletion));
    expect(log.some((u) => bytesContain(u, 'Gevoel'))).toBe(true);

    const result = destroyedBy(range, replay(log, false).getXmlFragment(DOC_FIELD));
    if (!('found' in result)) throw new Error(result.problem);
    expect(result.texts).toEqual([SECRET]);
    const scrubbed = log.map((u) => scrubUpdate(u, result.found) ?? u);
    for (const u of [...scrubbed, scrubUpdate(snapshotBefore, result.found)!]) {
      for (const part of ['Gevoel', 'ige zin over ', 'Murat.', 'buurvrouw Jansen']) expect(bytesContain(u, part), part).toBe(false);
    }
    // Updates that never held it are left as they were.
    expect(scrubUpdate(log[0]!, result.found)).toBeNull();

    // Now, and at every moment in its history, the section reads as before, without the secret.
    expect(replay(scrubbed, true).getXmlFragment(DOC_FIELD).toJSON()).toBe(doc.getXmlFragment(DOC_FIELD).toJSON());
    expect(replay(scrubbed.slice(0, beforeDeletion), false).getXmlFragment(DOC_FIELD).toString()).toContain('Eerste zin.  Laatste zin.');
    expect(replay(scrubbed.slice(0, beforeDeletion), false).getXmlFragment(DOC_FIELD).toString()).not.toContain('Gevoel');
    expect(replay([scrubUpdate(snapshotBefore, result.found)!], true).getXmlFragment(DOC_FIELD).toString()).toContain('Eerste zin.  Laatste zin.');
    // Someone typing on after it, from the old state, still lands in the right place.
    const later = replay(scrubbed, true);
    const peer = replay(log, true);
    const peerText = (peer.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const before = Y.encodeStateVector(peer);
    peerText.insert(peerText.length, ' Nieuw.');
    Y.applyUpdate(later, Y.encodeStateAsUpdate(peer, before));
    expect(later.getXmlFragment(DOC_FIELD).toString()).toContain('Eerste zin.  Laatste zin. Nieuw.');
  });

  it('removes a deleted block with all its fields', () => {
    const { doc, log, fragment } = writtenSection();
    fragment.delete(1, 1);
    const result = destroyedBy({ kind: 'block', blockId: 'zorg-geheim', quote: 'Geheime zorg' }, replay(log, false).getXmlFragment(DOC_FIELD));
    if (!('found' in result)) throw new Error(result.problem);
    const scrubbed = log.map((u) => scrubUpdate(u, result.found) ?? u);
    for (const u of scrubbed) expect(bytesContain(u, 'Geheime zorg')).toBe(false);
    expect(replay(scrubbed, true).getXmlFragment(DOC_FIELD).toJSON()).toBe(doc.getXmlFragment(DOC_FIELD).toJSON());
    expect(replay(scrubbed, false).getXmlFragment(DOC_FIELD).toString()).toContain(SECRET);
  });

  it('a block anchor that matches nothing says so', () => {
    const { log } = writtenSection();
    expect(destroyedBy({ kind: 'block', blockId: 'bestaat-niet', quote: '' }, replay(log, false).getXmlFragment(DOC_FIELD))).toEqual({ problem: 'niet-gevonden' });
  });

  it('takes out exactly the passage or the block, and leaves a passage over two paragraphs to the editor', () => {
    const { doc, range } = writtenSection();
    const without = replay([Y.encodeStateAsUpdate(doc), removalOf(range, doc)!], true);
    expect(without.getXmlFragment(DOC_FIELD).get(0).toString()).toBe('<paragraph>Eerste zin.  Laatste zin.</paragraph>');
    const noBlock = replay([Y.encodeStateAsUpdate(doc), removalOf({ kind: 'block', blockId: 'zorg-geheim', quote: '' }, doc)!], true);
    expect(noBlock.getXmlFragment(DOC_FIELD).length).toBe(1);
    // The live document itself is not touched: the change goes through the server like any edit.
    expect(doc.getXmlFragment(DOC_FIELD).toString()).toContain(SECRET);

    const fragment = doc.getXmlFragment(DOC_FIELD);
    const second = new Y.XmlText('Tweede alinea.');
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [second]);
      fragment.push([p]);
    });
    const first = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const across: CommentAnchor = {
      kind: 'range',
      start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first, 0, 0))),
      end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(second, 6, -1))),
      quote: 'Eerste … Tweede',
    };
    expect(removalOf(across, doc)).toBeNull();
    expect(removalOf({ kind: 'block', blockId: 'bestaat-niet', quote: '' }, doc)).toBeNull();
  });
});
