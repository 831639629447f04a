import { blockRows } from '../../shared/blocks/fields.ts';
import { isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { sourceLabel } from '../../shared/editor/sourceMark.ts';
import { bySource, type NodeJSON } from '../sync/sectionContent.ts';

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
