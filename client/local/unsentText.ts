import * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/protocol.ts';

/**
 * The text this person typed in a section that the server never acknowledged: characters under
 * their own Yjs client ids past the clock the server confirmed, still present, one line per
 * paragraph. Used once, when such text can no longer be stored, to show it for copying.
 */
export function unsentText(doc: Y.Doc, mine: readonly number[], stored: Readonly<Record<string, number>>): string {
  const own = new Set(mine);
  const lines: string[] = [];
  for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
    if (!(node instanceof Y.XmlText)) continue;
    let line = '';
    for (let item = node._start; item !== null; item = item.right) {
      if (item.deleted || !own.has(item.id.client) || !(item.content instanceof Y.ContentString)) continue;
      const confirmed = stored[String(item.id.client)] ?? 0;
      const end = item.id.clock + item.length;
      if (end <= confirmed) continue;
      line += item.content.str.slice(Math.max(0, confirmed - item.id.clock));
    }
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

/** Per own client id, how far the document has it: what an acknowledgement now confirms. */
export function ownClocks(doc: Y.Doc, mine: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const client of mine) out[String(client)] = Y.getState(doc.store, client);
  return out;
}
