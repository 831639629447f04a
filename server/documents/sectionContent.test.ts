import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_NESTING_DEPTH } from '../../shared/editor/nesting.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { sectionHtml } from '../export/sectionHtml.ts';
import { sectionText } from '../search/sectionText.ts';
import { invalidContent } from './contentGuard.ts';
import { documentJSON, flatText, readerJSON, TOO_DEEP } from './sectionContent.ts';
import { nestQuotes } from '../../test/support/nesting.ts';

/** A paragraph with `text` inside `levels` blockquotes. */
function nested(doc: Y.Doc, levels: number, text: string): void {
  doc.transact(() => nestQuotes(doc.getXmlFragment(DOC_FIELD), levels, text));
}

describe('documentJSON', () => {
  it('reads paragraphs and formats as the editor loads them', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, ' gewoon');
    text.insert(0, 'vet', { bold: true });
    p.insert(0, [text]);
    doc.getXmlFragment(DOC_FIELD).insert(0, [p]);
    expect(documentJSON(doc.getXmlFragment(DOC_FIELD))).toEqual([
      {
        type: 'paragraph',
        attrs: {},
        content: [
          { type: 'text', text: 'vet', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' gewoon' },
        ],
      },
    ]);
  });

  it('leaves out what no editor can hold, names each thing it left out, and keeps the rest', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(DOC_FIELD);
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('blijft');
    text.insertEmbed(6, { verborgen: true });
    p.insert(0, [text]);
    fragment.insert(0, [new Y.XmlText('los'), p]);
    (fragment as unknown as { insert(i: number, c: unknown[]): void }).insert(2, [42]);
    const skipped: string[] = [];
    const json = documentJSON(fragment, (what) => skipped.push(what));
    expect(json).toEqual([{ type: 'paragraph', attrs: {}, content: [{ type: 'text', text: 'blijft' }] }]);
    expect(skipped).toEqual(['tekst buiten een alinea', 'ingebedde inhoud', 'onbekend type']);
  });

  it(`reads ${MAX_NESTING_DEPTH} levels of nesting and leaves out what lies deeper, so its readers never recurse further`, () => {
    const atBound = new Y.Doc();
    nested(atBound, MAX_NESTING_DEPTH - 1, 'op de grens');
    const skipped: string[] = [];
    expect(sectionText(documentJSON(atBound.getXmlFragment(DOC_FIELD), (what) => skipped.push(what)))).toBe('op de grens');
    expect(skipped).toEqual([]);

    const deep = new Y.Doc();
    nested(deep, 20_000, 'te diep');
    const json = documentJSON(deep.getXmlFragment(DOC_FIELD), (what) => skipped.push(what));
    expect(skipped).toEqual([TOO_DEEP]);
    expect(sectionText(json)).toBe('');
    expect(sectionHtml(json, () => [])).toMatch(/^(<blockquote>){64}(<\/blockquote>){64}$/);
  });
});

describe('a section nested deeper than the bound', () => {
  it(`is refused by the content guard from ${MAX_NESTING_DEPTH + 1} levels on, also when it is a thousand levels deep`, () => {
    for (const [levels, expected] of [
      [MAX_NESTING_DEPTH - 1, null],
      [MAX_NESTING_DEPTH, `ongeldige opbouw: ${TOO_DEEP}`],
      [1000, `ongeldige opbouw: ${TOO_DEEP}`],
      [20_000, `ongeldige opbouw: ${TOO_DEEP}`],
    ] as const) {
      const doc = new Y.Doc();
      nested(doc, levels, 'tekst');
      expect(invalidContent(doc.getXmlFragment(DOC_FIELD)), `${levels} blockquotes`).toBe(expected);
    }
  });

  it('is null for readers, who log that without its content, and its text still reads flat', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(DOC_FIELD);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('bovenaan')]);
    fragment.insert(0, [p]);
    nested(doc, 5000, 'geheim diep');
    const logged: string[] = [];
    expect(readerJSON(doc, 'demo/plan', (m) => logged.push(m))).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('demo/plan');
    expect(logged[0]).not.toContain('geheim');
    expect(flatText(doc)).toBe('bovenaan\ngeheim diep');

    const shallow = new Y.Doc();
    nested(shallow, 3, 'gewoon');
    expect(readerJSON(shallow, 'demo/plan', (m) => logged.push(m))).toHaveLength(1);
    expect(logged).toHaveLength(1);
  });
});
