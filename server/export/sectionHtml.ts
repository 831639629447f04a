import { BLOCK_LABEL, type BlockType, isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { blockRows } from '../../shared/blocks/fields.ts';
import { followableLink } from '../../shared/editor/linkPolicy.ts';
import { sourceLabel } from '../../shared/editor/sourceMark.ts';
import { bySource, type NodeJSON } from '../documents/sectionContent.ts';

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  tableRow: 'tr',
  tableCell: 'td',
  tableHeader: 'th',
};
const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u', code: 'code' };

/** Extra lines under a block, e.g. who confirmed an afspraak. */
export type BlockNotes = (blockId: string) => string[];

/**
 * A section document as static HTML: the editor's structure without its scripts. Block data is
 * validated again so a document stored before a schema change still renders without throwing.
 */
export function sectionHtml(nodes: readonly NodeJSON[], notes: BlockNotes): string {
  return nodes.map((n) => nodeHtml(n, notes)).join('\n');
}

function nodeHtml(node: NodeJSON, notes: BlockNotes): string {
  const inner = () => childrenHtml(node.content ?? [], notes);
  if (node.type === 'text') return textHtml(node);
  if (isBlockType(node.type)) return blockHtml(node.type, node.attrs?.data, notes);
  switch (node.type) {
    case 'heading': {
      // The section title is h2; headings inside a section sit below it.
      const level = Math.min(6, Math.max(3, Number(node.attrs?.level ?? 1) + 2));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'codeBlock':
      return `<pre>${inner()}</pre>`;
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return `<ol${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''}>${inner()}</ol>`;
    }
    case 'tableCell':
    case 'tableHeader': {
      const span = (name: string) => {
        const n = Number(node.attrs?.[name] ?? 1);
        return Number.isInteger(n) && n > 1 ? ` ${name}="${n}"` : '';
      };
      const tag = TAGS[node.type]!;
      return `<${tag}${span('colspan')}${span('rowspan')}>${inner()}</${tag}>`;
    }
    default: {
      const tag = TAGS[node.type];
      return tag ? `<${tag}>${inner()}</${tag}>` : inner();
    }
  }
}

/** Children in order; text from one source is one span, with its label once after it. */
function childrenHtml(children: readonly NodeJSON[], notes: BlockNotes): string {
  return bySource(children)
    .map(({ source, nodes }) => {
      const html = nodes.map((n) => nodeHtml(n, notes)).join('');
      return source ? `<span class="bron bron-${source.soort}">${html}</span> <span class="bron-label">(${esc(sourceLabel(source))})</span>` : html;
    })
    .join('');
}

function textHtml(node: NodeJSON): string {
  let html = esc(node.text ?? '');
  for (const mark of node.marks ?? []) {
    const tag = MARKS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
    else if (mark.type === 'link') {
      // Only a link the editor allows; anything else (javascript:, data:) stays text.
      const href = followableLink((mark.attrs as { href?: unknown } | undefined)?.href);
      if (href !== null) html = `<a href="${esc(href)}">${html}</a>`;
    }
  }
  return html;
}

function blockHtml(type: BlockType, raw: unknown, notes: BlockNotes): string {
  const parsed = parseBlock(type, raw);
  if (!parsed.success) return `<div class="blok"><p>(${esc(BLOCK_LABEL[type])}: kan niet worden weergegeven)</p></div>`;
  const rows = blockRows(type, parsed.data)
    .map((r) => `<dt>${esc(r.label)}</dt><dd>${esc(r.text).replace(/\n/g, '<br>')}</dd>`)
    .join('');
  const extra = notes(parsed.data.id)
    .map((line) => `<p class="noot">${esc(line)}</p>`)
    .join('');
  return `<div class="blok blok-${type}"><p class="blok-soort">${esc(BLOCK_LABEL[type])}</p><dl>${rows}</dl>${extra}</div>`;
}
