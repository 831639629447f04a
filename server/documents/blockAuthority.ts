import * as Y from 'yjs';
import { BLOCK_AUTHORITY, may, type Viewer } from '../../shared/access/may.ts';
import { isBlockType } from '../../shared/blocks/index.ts';

/**
 * Why `author` may not store `update` because it sets, changes or removes a block that carries
 * authority (a veiligheidsvoorwaarde, a besluit) without being someone who sets those; null when
 * it touches none or the author may. Read from the update itself, against the stored document:
 * a new block element, a new value of a block's attribute, or a deletion of either.
 */
export function blockAuthorityRefusal(doc: Y.Doc, update: Uint8Array, author: Viewer): string | null {
  // The block types this author may not touch, with the reason: most authors of most updates have none.
  const refusals = new Map<string, string>();
  for (const type of Object.keys(BLOCK_AUTHORITY)) {
    const verdict = isBlockType(type) ? may(author, 'write-block', { block: type }) : null;
    if (verdict && !verdict.ok) refusals.set(type, verdict.reason);
  }
  if (refusals.size === 0) return null;
  const refused = (name: string | null): string | null => (name === null ? null : (refusals.get(name) ?? null));
  const { structs, ds } = Y.decodeUpdate(update);
  const sent = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) sent.set(key(s.id), s);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (s.content instanceof Y.ContentType && s.content.type instanceof Y.XmlElement) {
      const reason = refused(s.content.type.nodeName);
      if (reason) return reason;
    }
    if (s.parentSub !== null) {
      const reason = refused(elementNameOf(doc, sent, s));
      if (reason) return reason;
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; ) {
        const item = stored(doc, Y.createID(client, clock));
        if (!item) break;
        if (item instanceof Y.Item) {
          const name = item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement ? item.content.type.nodeName : item.parentSub !== null ? parentName(item) : null;
          const reason = refused(name);
          if (reason) return reason;
        }
        clock = item.id.clock + item.length;
      }
    }
  }
  return null;
}

/** The element an attribute value of the update belongs to, by its parent or the value it replaces. */
function elementNameOf(doc: Y.Doc, sent: Map<string, Y.Item>, item: Y.Item): string | null {
  if (item.parent instanceof Y.ID) {
    const holder = stored(doc, item.parent) ?? sent.get(key(item.parent)) ?? null;
    return holder instanceof Y.Item && holder.content instanceof Y.ContentType && holder.content.type instanceof Y.XmlElement ? holder.content.type.nodeName : null;
  }
  const previous = item.origin ? stored(doc, item.origin) : null;
  return previous instanceof Y.Item ? parentName(previous) : null;
}

function parentName(item: Y.Item): string | null {
  return item.parent instanceof Y.XmlElement ? item.parent.nodeName : null;
}

function stored(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

function key(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}
