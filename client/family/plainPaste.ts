import { Fragment, type Node, Slice } from '@tiptap/pm/model';
import { PLAIN_MARKS, PLAIN_NODES } from '../../shared/ownVoice.ts';

/** Nodes whose content is kept as it is, when what is in them is plain too. */
const KEPT = new Set(['paragraph', 'bulletList', 'orderedList', 'listItem']);

/**
 * What may be pasted into a person's own voice (shared/ownVoice.ts): text, bold, italic and lists.
 * A heading becomes a paragraph, a table its cells' paragraphs, other formatting and safety-plan
 * blocks go, so a paste from Word never brings what the server would refuse there (4422).
 */
function plainNodes(node: Node): Node[] {
  const schema = node.type.schema;
  if (node.isText) return [node.mark(node.marks.filter((m) => PLAIN_MARKS.has(m.type.name)))];
  if (node.type.name === 'hardBreak') return [node];
  const children: Node[] = [];
  node.content.forEach((child) => {
    children.push(...plainNodes(child));
  });
  if (KEPT.has(node.type.name)) return [node.type.create(node.attrs, Fragment.fromArray(children))];
  // A heading reads on as a paragraph; a table, quote or other container gives its contents.
  if (node.isTextblock) return [schema.nodes.paragraph!.create(null, Fragment.fromArray(children))];
  return children;
}

/** ProseMirror's `transformPasted` for own-voice sections. */
export function plainPaste(slice: Slice): Slice {
  const nodes: Node[] = [];
  slice.content.forEach((node) => {
    nodes.push(...plainNodes(node));
  });
  const fragment = Fragment.fromArray(nodes);
  const same = (a: Node | null, b: Node | null) => a !== null && b !== null && a.type === b.type && PLAIN_NODES.has(a.type.name);
  // Open sides stay open where the outer node stayed what it was (words copied from a paragraph).
  const openStart = same(slice.content.firstChild, fragment.firstChild) ? slice.openStart : 0;
  const openEnd = same(slice.content.lastChild, fragment.lastChild) ? slice.openEnd : 0;
  try {
    return new Slice(fragment, openStart, openEnd);
  } catch {
    return new Slice(fragment, 0, 0);
  }
}
