import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { ownClocks, unsentText } from './unsentText.ts';

function paragraph(doc: Y.Doc, text: string): Y.XmlText {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText(text);
  p.insert(0, [t]);
  const f = doc.getXmlFragment(DOC_FIELD);
  f.insert(f.length, [p]);
  return t;
}

describe('text that was typed and never stored', () => {
  it('is what this person typed past the clock the server confirmed, not what others wrote', () => {
    const server = new Y.Doc();
    paragraph(server, 'Tekst van iemand anders.');
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    const own = paragraph(mine, 'Opgeslagen deel');
    const confirmed = ownClocks(mine, [mine.clientID]);
    own.insert(own.length, ' en offline getypt');
    paragraph(mine, 'Nieuwe regel offline.');
    expect(unsentText(mine, [mine.clientID], confirmed)).toBe(' en offline getypt\nNieuwe regel offline.');
  });

  it('leaves out what was typed and then removed again', () => {
    const doc = new Y.Doc();
    const t = paragraph(doc, 'weg');
    t.delete(0, 3);
    expect(unsentText(doc, [doc.clientID], {})).toBe('');
  });
});
