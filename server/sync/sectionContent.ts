import * as Y from 'yjs';
import { type BlockData, type BlockType, isBlockType } from '../../shared/blocks/index.ts';
import { MAX_NESTING_DEPTH } from '../../shared/editor/nesting.ts';
import { SOURCE_MARK, StatementSource } from '../../shared/editor/sourceMark.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { DocRegistry } from './docRegistry.ts';

/** Runs `read` on the live document of a room (loading it if nobody has it open). */
export async function readSection<T>(registry: DocRegistry, room: string, read: (doc: Y.Doc) => T): Promise<T> {
  const section = await registry.acquire(room);
  try {
    return read(section.doc);
  } finally {
    registry.release(room);
  }
}

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

/** What {@link documentJSON} reports when it leaves out elements nested deeper than the bound. */
export const TOO_DEEP = `dieper genest dan ${MAX_NESTING_DEPTH} niveaus`;

/**
 * The ProseMirror JSON of a section document, as the editor would load it. What no editor can hold
 * (text outside a paragraph, an embedded value, a hook) is left out, as the editor leaves it out,
 * so a section stored before the content guard knew of it still reads; `skipped` hears of each
 * one, so the guard can refuse what a reader passes over. So are elements nested deeper than
 * {@link MAX_NESTING_DEPTH} ({@link TOO_DEEP}): the walk never goes further, so neither this
 * function nor anything that walks its result recursively can run out of stack.
 */
export function documentJSON(fragment: Y.XmlFragment, skipped: (what: string) => void = () => {}): NodeJSON[] {
  const json = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, depth: number): NodeJSON[] => {
    if (node instanceof Y.XmlElement) {
      if (depth > MAX_NESTING_DEPTH) {
        skipped(TOO_DEEP);
        return [];
      }
      const content = node.toArray().flatMap((c) => (c instanceof Y.XmlText ? textJSON(c, skipped) : json(c, depth + 1)));
      return [{ type: node.nodeName, attrs: node.getAttributes(), ...(content.length > 0 ? { content } : {}) }];
    }
    skipped(node instanceof Y.XmlText ? 'tekst buiten een alinea' : 'onbekend type');
    return [];
  };
  return fragment.toArray().flatMap((node) => json(node, 1));
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
 * Runs `read` on a section for a route that reads the whole case, so one odd section (stored
 * before a rule existed) can never fail it for everyone: when `read` throws, that is logged by
 * room and kind of error (never the message, which may quote content) and `fallback` is used.
 * Loading the section is not covered: a store that fails, fails the request.
 */
export async function readSectionOr<T>(registry: DocRegistry, room: string, log: (msg: string) => void, read: (doc: Y.Doc) => T, fallback: T): Promise<T> {
  const section = await registry.acquire(room);
  try {
    return read(section.doc);
  } catch (e) {
    log(`section ${room} could not be read (${e instanceof Error ? e.name : typeof e}); left out`);
    return fallback;
  } finally {
    registry.release(room);
  }
}

export type NodeJSON = { type: string; attrs?: Record<string, unknown>; content?: NodeJSON[]; text?: string; marks?: { type: string; attrs?: unknown }[] };

/** Text runs as ProseMirror text nodes; text formats are marks, as the binding writes them. */
function textJSON(text: Y.XmlText, skipped: (what: string) => void): NodeJSON[] {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).flatMap((op) => {
    if (typeof op.insert !== 'string') {
      skipped('ingebedde inhoud');
      return [];
    }
    const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) => ({ type, ...(attrs && typeof attrs === 'object' ? { attrs } : {}) }));
    return [{ type: 'text', text: op.insert, ...(marks.length > 0 ? { marks } : {}) }];
  });
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
