import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { documentJSON } from './sectionContent.ts';

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
});
