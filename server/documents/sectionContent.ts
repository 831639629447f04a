import * as Y from 'yjs';
import { type BlockData, type BlockType, isBlockType } from '../../shared/blocks/index.ts';
import { SOURCE_MARK, StatementSource } from '../../shared/editor/sourceMark.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { documentJSON, type NodeJSON, TOO_DEEP } from './documentJSON.ts';

// The pure reading of a document lives in documentJSON.ts, so the content guard can use it
// without the rest; it is offered here too for the readers of a whole case.
export { documentJSON, type NodeJSON, TOO_DEEP };

export interface FoundBlock<T extends BlockType = BlockType> {
  type: T;
  data: BlockData[T];
}

/** Every safety-plan block in a section document, in document order. */
export function blocksOf(doc: Y.Doc): FoundBlock[] {
  const found: FoundBlock[] = [];
  for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlElement && isBlockType(node.nodeName)) {
      found.push({ type: node.nodeName, data: node.getAttribute('data') as unknown as BlockData[BlockType] });
    }
  }
  return found;
}

/**
 * A section's content for a reader of the whole case (export, search): as {@link documentJSON}
 * reads it, or null when the section nests deeper than any editor writes (stored before the
 * guard refused that), so the caller skips or flattens that one section instead of failing the
 * case. What was left out is logged by room, never with content.
 */
export function readerJSON(doc: Y.Doc, room: string, log: (msg: string) => void): NodeJSON[] | null {
  const skipped = new Set<string>();
  const nodes = documentJSON(doc.getXmlFragment(DOC_FIELD), (what) => skipped.add(what));
  if (skipped.size > 0) log(`section ${room} read without what no editor can hold: ${[...skipped].join(', ')}`);
  return skipped.has(TOO_DEEP) ? null : nodes;
}

/**
 * The text of a section document at any depth, one line per paragraph, walked without recursion:
 * what search finds in a section too deep for {@link readerJSON}. Block fields are not in it.
 */
export function flatText(doc: Y.Doc): string {
  const lines: string[] = [];
  for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker((n) => n instanceof Y.XmlText)) {
    const delta = (node as Y.XmlText).toDelta() as { insert: unknown }[];
    lines.push(delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
  }
  return lines.filter((line) => line.length > 0).join('\n');
}

/**
 * Children in runs that share one source (fact or opinion, and from whom), so a reader shows the
 * passage's label once after it even when bold or a link splits its text.
 */
export function bySource(children: readonly NodeJSON[]): { source: StatementSource | null; nodes: NodeJSON[] }[] {
  const runs: { source: StatementSource | null; nodes: NodeJSON[] }[] = [];
  for (const node of children) {
    const source = sourceOf(node);
    const last = runs.at(-1);
    if (last && (last.source === source || (last.source && source && last.source.soort === source.soort && last.source.bron === source.bron))) last.nodes.push(node);
    else runs.push({ source, nodes: [node] });
  }
  return runs;
}

function sourceOf(node: NodeJSON): StatementSource | null {
  const mark = node.marks?.find((m) => m.type === SOURCE_MARK);
  const parsed = mark ? StatementSource.safeParse(mark.attrs) : null;
  return parsed?.success ? parsed.data : null;
}
