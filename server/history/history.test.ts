import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentSchema } from '../../shared/editor/schema.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { blockText, diffSinceVersion, mergeRuns, settleStretches, wordDiff } from './diff.ts';
import { type LoggedUpdate, RoomHistory } from './roomHistory.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-11-24T09:00:00Z');

/** Two editors on one document; every change is captured as a logged row with its author. */
function scenario() {
  const rows: LoggedUpdate[] = [];
  const docs = new Map<string, Y.Doc>();
  let clock = T0;
  const editor = (userId: string, clientId: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    docs.set(userId, doc);
    return doc;
  };
  const eva = editor('eva', 1);
  const karim = editor('karim', 2);
  /** Runs `change` on `who`'s document, logs the update and brings the other document up to date. */
  const edit = (who: string, change: (doc: Y.Doc, fragment: Y.XmlFragment) => void, advanceMs = MIN) => {
    const doc = docs.get(who)!;
    let update: Uint8Array | null = null;
    const grab = (u: Uint8Array) => {
      update = u;
    };
    doc.on('update', grab);
    doc.transact(() => change(doc, doc.getXmlFragment(DOC_FIELD)));
    doc.off('update', grab);
    clock += advanceMs;
    const row = { id: rows.length + 1, userId: who, at: clock, data: update! };
    rows.push(row);
    for (const other of docs.values()) if (other !== doc) Y.applyUpdate(other, row.data);
    return row.id;
  };
  const log = (userId: string, data: Uint8Array, advanceMs = MIN) => {
    clock += advanceMs;
    rows.push({ id: rows.length + 1, userId, at: clock, data });
    return rows.length;
  };
  /** A history of the room with every row logged so far. */
  const history = () => {
    const h = new RoomHistory();
    h.apply(rows);
    return h;
  };
  return { rows, eva, karim, edit, log, history };
}

const paragraph = (text: string) => {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
};
const textOf = (fragment: Y.XmlFragment, index: number) => (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe('RoomHistory', () => {
  it('groups edits into sessions by the gap, newest first, with distinct authors', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => f.insert(0, [paragraph('Hallo')]));
    s.edit('karim', (_d, f) => textOf(f, 0).insert(5, ' daar'), 2 * MIN);
    s.edit('eva', (_d, f) => textOf(f, 0).insert(0, '> '), 2 * MIN);
    s.edit('karim', (_d, f) => f.insert(1, [paragraph('Later')]), 30 * MIN);
    const h = s.history();
    const sessions = h.sessions(5 * MIN);
    expect(sessions.map((v) => ({ id: v.id, userIds: v.userIds }))).toEqual([
      { id: 4, userIds: ['karim'] },
      { id: 3, userIds: ['eva', 'karim'] },
    ]);
    expect(sessions[1]!.from).toBe(T0 + MIN);
    expect(sessions[1]!.until).toBe(T0 + 5 * MIN);
    expect(h.versionAt(2, 5 * MIN)).toEqual({ id: 2, from: T0 + MIN, until: T0 + 3 * MIN, userIds: ['eva', 'karim'] });
  });

  it('ignores rows that change nothing (a reconnecting client resending the whole state)', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => f.insert(0, [paragraph('Hallo wereld')]));
    s.edit('eva', (_d, f) => textOf(f, 0).delete(5, 7));
    // Karim's client reconnects and sends everything it has, delete set included: no edit.
    s.log('karim', Y.encodeStateAsUpdate(s.karim));
    const h = s.history();
    expect(h.effective.map((u) => u.id)).toEqual([1, 2]);
    expect(h.sessions(5 * MIN)[0]!.userIds).toEqual(['eva']);
  });

  it('applies rows incrementally and only once', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => f.insert(0, [paragraph('Een')]));
    s.edit('karim', (_d, f) => f.insert(1, [paragraph('Twee')]));
    const h = new RoomHistory();
    h.apply(s.rows.slice(0, 1));
    h.apply(s.rows);
    h.apply(s.rows);
    expect(h.effective.map((u) => u.id)).toEqual([1, 2]);
    expect(h.size).toBe(2);
  });

  it('rebuilds the document as of any row, also after later deletions', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => f.insert(0, [paragraph('Hallo wereld')]));
    s.edit('karim', (_d, f) => textOf(f, 0).delete(0, 6));
    s.edit('karim', (_d, f) => f.delete(0, 1));
    const h = s.history();
    const schema = documentSchema();
    const at = (id: number) => yXmlFragmentToProseMirrorRootNode(h.docAt(id).getXmlFragment(DOC_FIELD), schema).textContent;
    expect(at(1)).toBe('Hallo wereld');
    expect(at(2)).toBe('wereld');
    expect(at(3)).toBe('');
  });
});

describe('diffSinceVersion', () => {
  it('attributes added text to its writer and removed text to who deleted it', () => {
    const s = scenario();
    const v1 = s.edit('eva', (_d, f) => f.insert(0, [paragraph('Hallo wereld')]));
    s.edit('karim', (_d, f) => {
      textOf(f, 0).insert(12, ' en meer');
      f.insert(1, [paragraph('Nieuw')]);
    });
    s.edit('eva', (_d, f) => textOf(f, 0).delete(5, 7));
    const h = s.history();
    expect(diffSinceVersion(h, v1)).toEqual([
      {
        runs: [
          { kind: 'same', text: 'Hallo ', userId: null },
          { kind: 'removed', text: 'wereld', userId: 'eva' },
          { kind: 'added', text: 'en meer', userId: 'karim' },
        ],
      },
      { runs: [{ kind: 'added', text: 'Nieuw', userId: 'karim' }] },
    ]);
    // As of Karim's version, only Eva's deletion is a difference.
    expect(diffSinceVersion(h, 2)).toEqual([
      {
        runs: [
          { kind: 'same', text: 'Hallo', userId: null },
          { kind: 'removed', text: ' wereld', userId: 'eva' },
          { kind: 'same', text: ' en meer', userId: null },
        ],
      },
      { runs: [{ kind: 'same', text: 'Nieuw', userId: null }] },
    ]);
  });

  it('shows a source given to a passage, or taken away, as added or removed by who did it', () => {
    const s = scenario();
    const v1 = s.edit('eva', (_d, f) => f.insert(0, [paragraph('Moeder is streng.')]));
    const v2 = s.edit('karim', (_d, f) => textOf(f, 0).format(0, 9, { bron: { soort: 'mening', bron: 'Veilig Thuis' } }));
    s.edit('eva', (_d, f) => textOf(f, 0).format(0, 9, { bron: null }));
    const h = s.history();
    expect(diffSinceVersion(h, v1)).toEqual([{ runs: [{ kind: 'same', text: 'Moeder is streng.', userId: null }] }]);
    expect(diffSinceVersion(h, v2)).toEqual([
      {
        runs: [
          { kind: 'removed', text: '(mening · Veilig Thuis) ', userId: 'eva' },
          { kind: 'same', text: 'Moeder is streng.', userId: null },
        ],
      },
    ]);
    // Between the first version and Karim's, the label is what changed.
    const h2 = new RoomHistory();
    h2.apply(s.rows.slice(0, 2));
    expect(diffSinceVersion(h2, v1)).toEqual([
      {
        runs: [
          { kind: 'added', text: '(mening · Veilig Thuis) ', userId: 'karim' },
          { kind: 'same', text: 'Moeder is streng.', userId: null },
        ],
      },
    ]);
  });

  it('splits text that Yjs merged into one item at the version boundary', () => {
    const s = scenario();
    const v1 = s.edit('eva', (_d, f) => f.insert(0, [paragraph('Hallo')]));
    // Typing on at the end by the same client: Yjs merges both inserts into one item.
    s.edit('eva', (_d, f) => textOf(f, 0).insert(5, ' daar'));
    const h = s.history();
    expect(diffSinceVersion(h, v1)).toEqual([
      {
        runs: [
          { kind: 'same', text: 'Hallo', userId: null },
          { kind: 'added', text: ' daar', userId: 'eva' },
        ],
      },
    ]);
  });

  it('shows a removed paragraph as removed by who removed it', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => f.insert(0, [paragraph('Blijft'), paragraph('Gaat weg')]));
    s.edit('karim', (_d, f) => f.delete(1, 1));
    const h = s.history();
    expect(diffSinceVersion(h, 1)).toEqual([{ runs: [{ kind: 'same', text: 'Blijft', userId: null }] }, { runs: [{ kind: 'removed', text: 'Gaat weg', userId: 'karim' }] }]);
  });

  it('joins nested paragraphs of a list with line breaks', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => {
      const list = new Y.XmlElement('bulletList');
      const item = (t: string) => {
        const li = new Y.XmlElement('listItem');
        li.insert(0, [paragraph(t)]);
        return li;
      };
      list.insert(0, [item('Een'), item('Twee')]);
      f.insert(0, [list]);
    });
    s.edit('karim', (_d, f) => {
      const list = f.get(0) as Y.XmlElement;
      const li = new Y.XmlElement('listItem');
      li.insert(0, [paragraph('Drie')]);
      list.insert(2, [li]);
    });
    const h = s.history();
    expect(diffSinceVersion(h, 1)).toEqual([
      {
        runs: [
          { kind: 'same', text: 'Een\nTwee', userId: null },
          { kind: 'added', text: '\nDrie', userId: 'karim' },
        ],
      },
    ]);
  });

  it('diffs a changed safety-plan block word by word, attributed to who changed it', () => {
    const s = scenario();
    const data = { id: 'kracht-oma', wat: 'Oma vangt de kinderen op', wie: 'Oma Ria', sinds: 'Al jaren', hoeWeten: 'De kinderen zeggen het' };
    s.edit('eva', (_d, f) => {
      const block = new Y.XmlElement('kracht');
      block.setAttribute('data', data as never);
      f.insert(0, [block]);
    });
    s.edit('karim', (_d, f) => (f.get(0) as Y.XmlElement).setAttribute('data', { ...data, wat: 'Oma vangt Noa en Daan op' } as never));
    const h = s.history();
    const [block] = diffSinceVersion(h, 1);
    expect(block!.runs).toEqual([
      { kind: 'same', text: 'Kracht: Wat gaat er al goed? Oma vangt ', userId: null },
      { kind: 'removed', text: 'de kinderen ', userId: 'karim' },
      { kind: 'added', text: 'Noa en Daan ', userId: 'karim' },
      { kind: 'same', text: 'op · Wie doet dit? Oma Ria · Sinds wanneer? Al jaren · Hoe weten we dat? De kinderen zeggen het', userId: null },
    ]);
    expect(diffSinceVersion(h, 2)[0]!.runs).toEqual([{ kind: 'same', text: blockText('kracht', { ...data, wat: 'Oma vangt Noa en Daan op' }), userId: null }]);
  });
});

describe('diff helpers', () => {
  it('text deleted and written again by someone else reads as unchanged', () => {
    const s = scenario();
    s.edit('eva', (_d, f) => f.insert(0, [paragraph('Hallo wereld')]));
    s.edit('karim', (_d, f) => textOf(f, 0).delete(0, 6));
    s.edit('eva', (_d, f) => textOf(f, 0).insert(0, 'Hallo '));
    s.edit('eva', (_d, f) => textOf(f, 0).insert(12, '!'));
    const h = s.history();
    expect(diffSinceVersion(h, 1)).toEqual([
      {
        runs: [
          { kind: 'same', text: 'Hallo wereld', userId: null },
          { kind: 'added', text: '!', userId: 'eva' },
        ],
      },
    ]);
    expect(
      settleStretches([
        { kind: 'removed', text: 'de kat', userId: 'k' },
        { kind: 'added', text: 'de hond', userId: 'e' },
      ]),
    ).toEqual([
      { kind: 'same', text: 'de ', userId: null },
      { kind: 'removed', text: 'kat', userId: 'k' },
      { kind: 'added', text: 'hond', userId: 'e' },
    ]);
  });

  it('wordDiff keeps common words and marks the rest', () => {
    expect(wordDiff('de kat zit', 'de hond zit')).toEqual([
      { kind: 'same', text: 'de ' },
      { kind: 'removed', text: 'kat' },
      { kind: 'added', text: 'hond' },
      { kind: 'same', text: ' zit' },
    ]);
  });

  it('mergeRuns joins neighbours of the same kind and author', () => {
    expect(
      mergeRuns([
        { kind: 'added', text: 'a', userId: 'x' },
        { kind: 'added', text: 'b', userId: 'x' },
        { kind: 'added', text: 'c', userId: 'y' },
        { kind: 'same', text: '', userId: null },
      ]),
    ).toEqual([
      { kind: 'added', text: 'ab', userId: 'x' },
      { kind: 'added', text: 'c', userId: 'y' },
    ]);
  });
});
