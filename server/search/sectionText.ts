import { blockRows } from '../../shared/blocks/fields.ts';
import { isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { sourceLabel } from '../../shared/editor/sourceMark.ts';
import { bySource, flatText, type NodeJSON, readerJSON } from '../documents/sectionContent.ts';
import type { SectionDocuments } from '../documents/sectionDocuments.ts';

/** The plain text of a section document, blocks included, for search. */
export function sectionText(nodes: readonly NodeJSON[]): string {
  const parts: string[] = [];
  const walk = (node: NodeJSON) => {
    if (node.type === 'text') {
      parts.push(node.text ?? '');
      return;
    }
    if (isBlockType(node.type)) {
      const parsed = parseBlock(node.type, node.attrs?.data);
      if (parsed.success) parts.push(`\n${blockRows(node.type, parsed.data).map((r) => `${r.label} ${r.text}`).join('\n')}\n`);
      return;
    }
    for (const { source, nodes } of bySource(node.content ?? [])) {
      for (const c of nodes) walk(c);
      // "mening · Veilig Thuis" is findable, as readers see it after the passage.
      if (source) parts.push(` (${sourceLabel(source)})`);
    }
    if (node.type !== 'hardBreak') parts.push('\n');
  };
  for (const n of nodes) walk(n);
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

/**
 * The plain text of a section's live document as a reader of the whole case gets it (search, the
 * family's notices); one nested deeper than any editor writes is read as flat text, and one that
 * cannot be read at all gives `fallback`.
 */
export function readSectionText<T>(documents: SectionDocuments, room: string, log: (msg: string) => void, fallback: T): Promise<string | T> {
  return documents.readOr<string | T>(
    room,
    log,
    (doc) => {
      const nodes = readerJSON(doc, room, log);
      return nodes ? sectionText(nodes) : flatText(doc);
    },
    fallback,
  );
}
