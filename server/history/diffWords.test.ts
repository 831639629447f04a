import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BlockData } from '../../shared/blocks/index.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { summariseDiff } from '../../shared/sinceApproval.ts';
import { blockText, diffSinceVersion } from './diff.ts';
import { type LoggedUpdate, RoomHistory } from './roomHistory.ts';
import { versionSummaries } from './versionSummary.ts';

const party = (naam: string) => ({ naam, personId: null, userId: null });

const afspraak: BlockData['afspraak'] = {
  id: 'afspraak-bellen',
  wat: 'Sanne belt elke week met moeder.',
  wie: 'Sanne',
  vanaf: '2026-12-04',
  deadline: null,
  controle: 'Moeder zegt het in het overleg.',
  alsNiet: 'Ria belt Sanne.',
  status: 'open',
  partijen: [party('Sanne de Groot'), party('Ria de Groot')],
  toelichting: '',
};

/** A room where each user writes from a document of their own, brought up to date before each edit. */
function room() {
  const rows: LoggedUpdate[] = [];
  const docs = new Map<string, Y.Doc>();
  const edit = (userId: string, change: (fragment: Y.XmlFragment) => void): number => {
    const doc = docs.get(userId) ?? new Y.Doc();
    docs.set(userId, doc);
    for (const row of rows) Y.applyUpdate(doc, row.data);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(doc.getXmlFragment(DOC_FIELD)));
    rows.push({ id: rows.length + 1, userId, at: Date.parse('2026-12-04T09:00:00Z') + rows.length * 3_600_000, data: Y.encodeStateAsUpdate(doc, before) });
    return rows.length;
  };
  const history = () => {
    const h = new RoomHistory();
    h.apply(rows);
    return h;
  };
  return { edit, history };
}

const textOf = (runs: readonly { kind: string; text: string }[], kinds: readonly string[]) =>
  runs
    .filter((r) => kinds.includes(r.kind))
    .map((r) => r.text)
    .join('');

describe('a block in the history reads as the block does', () => {
  const r = room();
  const empty = r.edit('eva', (f) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Afspraken')]);
    f.insert(0, [p]);
  });
  const written = r.edit('eva', (f) => {
    const block = new Y.XmlElement('afspraak');
    block.setAttribute('data', afspraak as never);
    f.insert(1, [block]);
  });
  r.edit('karim', (f) => (f.get(1) as Y.XmlElement).setAttribute('data', { ...afspraak, vanaf: '2026-12-11', status: 'nagekomen' } as never));
  const h = r.history();

  it('a new agreement: the questions of the form, the date as the app writes it, the status in words', () => {
    const [, block] = diffSinceVersion(h, empty);
    const text = textOf(block!.runs, ['added']);
    expect(block!.runs.every((run) => run.kind === 'added')).toBe(true);
    expect(text).toContain('Afspraak: Wat spreken we af? Sanne belt elke week met moeder.');
    expect(text).toContain('Vanaf: 11 december 2026');
    expect(text).toContain('Uiterlijk: geen einddatum');
    expect(text).toContain('Stand van zaken: Nagekomen');
    expect(text).toContain('Wie maken deze afspraak? Sanne de Groot / Ria de Groot');
    expect(text).not.toMatch(/\bnagekomen\b|2026-12-11|afspraak-bellen/);
  });

  it('a changed status and date show as their words changing, by who changed them', () => {
    const [, block] = diffSinceVersion(h, written);
    const before = textOf(block!.runs, ['same', 'removed']);
    const after = textOf(block!.runs, ['same', 'added']);
    expect(before).toContain('Vanaf: 4 december 2026');
    expect(before).toContain('Stand van zaken: Loopt');
    expect(after).toContain('Vanaf: 11 december 2026');
    expect(after).toContain('Stand van zaken: Nagekomen');
    expect(`${before}\n${after}`).not.toMatch(/\bopen\b|\bnagekomen\b|2026-12-04|2026-12-11/);
    expect(block!.runs.filter((run) => run.kind !== 'same')).toEqual([
      { kind: 'removed', text: '4', userId: 'karim' },
      { kind: 'added', text: '11', userId: 'karim' },
      { kind: 'removed', text: 'Loopt', userId: 'karim' },
      { kind: 'added', text: 'Nagekomen', userId: 'karim' },
    ]);
    expect(summariseDiff(diffSinceVersion(h, written))).toEqual({ wordsAdded: 2, wordsRemoved: 2, blocksChanged: 1 });
  });

  it('the version list counts the same words', () => {
    const summaries = versionSummaries(h, h.sessions(60_000));
    const wholeBlock = summariseDiff([{ runs: [{ kind: 'added', text: blockText('afspraak', afspraak) }] }]);
    expect(wholeBlock.wordsAdded).toBeGreaterThan(30);
    expect(summaries.get(written)).toEqual(wholeBlock);
    expect(summaries.get(written + 1)).toEqual({ wordsAdded: 2, wordsRemoved: 2, blocksChanged: 1 });
  });

  it('a block whose data no longer passes its schema reads the fields that still do', () => {
    const text = blockText('afspraak', { ...afspraak, wie: '', status: 'onbekend' });
    expect(text).toContain('Vanaf: 4 december 2026');
    expect(text).not.toMatch(/Wie doet het\?|Stand van zaken|onbekend/);
  });
});
