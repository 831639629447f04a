import * as Y from 'yjs';
import { isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { documentSchema } from '../../shared/editor/schema.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';

const ALLOWED_NODES = new Set(Object.keys(documentSchema().nodes));

/**
 * Decides whether an update may be stored: it may only touch the section's document field and must
 * leave every element a known node and every safety-plan block valid. Plain typing (text inserts,
 * deletes, marks) is recognised from the update alone; anything that adds elements or changes
 * attributes is tried on a copy of the document first. Returns a reason, or null when acceptable.
 */
export function rejectReason(doc: Y.Doc, update: Uint8Array): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  let structural = false;
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (typeof s.parent === 'string' && s.parent !== DOC_FIELD) return `onbekend documentveld "${s.parent}"`;
    if (s.content instanceof Y.ContentDoc || s.content instanceof Y.ContentBinary) return 'niet toegestane inhoud';
    if (s.content instanceof Y.ContentType || s.parentSub !== null) structural = true;
  }
  if (!structural && deletesAttributes(doc, ds)) structural = true;
  if (!structural) return null;

  const trial = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(trial, update);
    return invalidContent(trial.getXmlFragment(DOC_FIELD));
  } finally {
    trial.destroy();
  }
}

/** True when the delete set removes an attribute value (or something we cannot find). */
function deletesAttributes(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      let clock = range.clock;
      while (clock < range.clock + range.len) {
        let item: Y.Item | Y.GC;
        try {
          item = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
        } catch {
          return true;
        }
        if (item instanceof Y.Item && item.parentSub !== null) return true;
        clock = item.id.clock + item.length;
      }
    }
  }
  return false;
}

/** First problem found in a section document, or null. */
export function invalidContent(fragment: Y.XmlFragment): string | null {
  for (const child of fragment.createTreeWalker(() => true)) {
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (!ALLOWED_NODES.has(name)) return `onbekend onderdeel "${name}"`;
    if (isBlockType(name)) {
      const parsed = parseBlock(name, child.getAttribute('data'));
      if (!parsed.success) return `ongeldig blok ${name}: ${parsed.error.issues[0]?.message ?? ''}`;
    }
  }
  return null;
}
