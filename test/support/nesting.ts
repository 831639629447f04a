import * as Y from 'yjs';

/**
 * `levels` blockquotes, one in the other, around a paragraph with `text`, inside `fragment`; built
 * from the top so Yjs itself never recurses deeply. Call it inside a transaction.
 */
export function nestQuotes(fragment: Y.XmlFragment, levels: number, text: string): void {
  let parent: Y.XmlFragment = fragment;
  for (let i = 0; i < levels; i++) {
    const quote = new Y.XmlElement('blockquote');
    parent.insert(parent.length, [quote]);
    parent = quote;
  }
  const p = new Y.XmlElement('paragraph');
  parent.insert(0, [p]);
  p.insert(0, [new Y.XmlText(text)]);
}
