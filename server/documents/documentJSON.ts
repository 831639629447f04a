import * as Y from 'yjs';
import { MAX_NESTING_DEPTH } from '../../shared/editor/nesting.ts';

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
