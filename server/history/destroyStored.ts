import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/comments.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { UpdateLog } from '../documents/updateLog.ts';
import { type DestroyedItems, destroyedBy, scrubUpdate } from './destruction.ts';

/** Why nothing was destroyed: the text is still in the section, or the anchor points at nothing stored. */
export class DestructionRefused extends Error {
  constructor(readonly problem: 'nog-aanwezig' | 'niet-gevonden') {
    super(problem);
  }
}

/**
 * Destroys, in everything stored of one section (its update log and its snapshots), the deleted
 * content an anchor covers. Before anything is written, the rewritten log and every rewritten
 * snapshot must replay to exactly the section they replayed to before: destroying never changes
 * what the section says now.
 */
export async function destroyStored(documents: UpdateLog, room: string, anchor: CommentAnchor): Promise<{ found: DestroyedItems; texts: string[] }> {
  const stored = await documents.everything(room);
  // The log holds every update (snapshots only speed up loading), so it alone gives the full history.
  const full = replay(stored.updates.map((u) => u.data), false);
  const result = destroyedBy(anchor, full.getXmlFragment(DOC_FIELD));
  // What the section says now: deleted content does not show, so this replay serves as well.
  const now = describe(full);
  full.destroy();
  if ('problem' in result) throw new DestructionRefused(result.problem);

  const updates = stored.updates.flatMap((u) => {
    const data = scrubUpdate(u.data, result.found);
    return data ? [{ id: u.id, data }] : [];
  });
  const snapshots = stored.snapshots.flatMap((s) => {
    const data = scrubUpdate(s.data, result.found);
    return data ? [{ uptoId: s.uptoId, data }] : [];
  });

  const rewritten = new Map(updates.map((u) => [u.id, u.data]));
  const after = stored.updates.map((u) => rewritten.get(u.id) ?? u.data);
  if (content(after) !== now) throw new Error(`destroying in ${room} would change the section; nothing was written`);
  // The snapshot a load starts from may be from before the text was removed, and held it; with
  // the updates after it, it must still give the section as it is.
  const latest = stored.snapshots.at(-1);
  if (latest) {
    const rest = stored.updates.filter((u) => u.id > latest.uptoId).map((u) => rewritten.get(u.id) ?? u.data);
    const snap = snapshots.find((x) => x.uptoId === latest.uptoId)?.data ?? latest.data;
    if (content([snap, ...rest]) !== now) throw new Error(`destroying in the snapshot of ${room} would change the section; nothing was written`);
  }
  await documents.rewrite(room, updates, snapshots);
  return { found: result.found, texts: result.texts };
}

function replay(updates: readonly Uint8Array[], gc: boolean): Y.Doc {
  const doc = new Y.Doc({ gc });
  Y.transact(doc, () => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

/** What a section says (every element, attribute, text and mark) and its state vector, to compare two ways of storing it. */
function content(updates: readonly Uint8Array[]): string {
  const doc = replay(updates, true);
  try {
    return describe(doc);
  } finally {
    doc.destroy();
  }
}

function describe(doc: Y.Doc): string {
  return JSON.stringify([tree(doc.getXmlFragment(DOC_FIELD)), [...Y.encodeStateVector(doc)]]);
}

function tree(node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook): unknown {
  if (node instanceof Y.XmlText) return node.toDelta();
  if (node instanceof Y.XmlHook) return { hook: node.hookName };
  const children = node.toArray().map((child) => tree(child as Y.XmlElement | Y.XmlText));
  return node instanceof Y.XmlElement ? { name: node.nodeName, attributes: node.getAttributes(), children } : children;
}
