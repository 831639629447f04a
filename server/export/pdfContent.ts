import { authorshipLine, type BlockAuthorship } from '../../shared/blocks/authorship.ts';
import { blockRows } from '../../shared/blocks/fields.ts';
import { BLOCK_LABEL, type BlockType, isBlockType, parseBlock } from '../../shared/blocks/index.ts';
import { followableLink } from '../../shared/editor/linkPolicy.ts';
import { sourceLabel } from '../../shared/editor/sourceMark.ts';
import { bySource, type NodeJSON } from '../documents/sectionContent.ts';
import { type Face, LIST_MARKER_WIDTH, MUTED, type PdfWriter, type Run } from './pdfWriter.ts';

/** What a block carries besides its fields: who set it and who confirmed it. */
export interface BlockContext {
  authorship: (blockId: string) => BlockAuthorship | undefined;
  notes: (blockId: string) => string[];
}

const LIST_INDENT = LIST_MARKER_WIDTH + 4;

/**
 * A section document on paper, the same structure the HTML copy has: headings, paragraphs,
 * lists, quotes, tables, and each safety-plan block as a two-column table with who set it.
 * Facts and opinions keep their label after the passage. Block data is validated again.
 */
export function writeNodes(w: PdfWriter, nodes: readonly NodeJSON[], blocks: BlockContext): void {
  for (const node of nodes) writeNode(w, node, blocks, null);
}

function writeNode(w: PdfWriter, node: NodeJSON, blocks: BlockContext, prefix: string | null): void {
  if (isBlockType(node.type)) {
    writeBlock(w, node.type, node.attrs?.data, blocks);
    return;
  }
  switch (node.type) {
    case 'heading': {
      const level = Number(node.attrs?.level ?? 1);
      w.heading(plainText(node), level <= 1 ? 12.5 : level === 2 ? 11.5 : 10.5);
      return;
    }
    case 'paragraph':
    case 'codeBlock':
      w.paragraph(inlineRuns(node.content ?? []), undefined, undefined, prefix ?? undefined);
      return;
    case 'bulletList':
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      w.indent += LIST_INDENT;
      (node.content ?? []).forEach((item, i) => {
        const marker = node.type === 'bulletList' ? '•' : `${(Number.isInteger(start) ? start : 1) + i}.`;
        (item.content ?? []).forEach((child, j) => writeNode(w, child, blocks, j === 0 ? marker : null));
      });
      w.indent -= LIST_INDENT;
      return;
    }
    case 'blockquote':
      w.indent += LIST_INDENT;
      for (const child of node.content ?? []) writeNode(w, child, blocks, null);
      w.indent -= LIST_INDENT;
      return;
    case 'horizontalRule':
      w.rule();
      return;
    case 'table':
      writeTable(w, node);
      return;
    default:
      for (const child of node.content ?? []) writeNode(w, child, blocks, prefix);
  }
}

/** Inline content in runs; text from one source is followed by its label, once. */
function inlineRuns(children: readonly NodeJSON[]): Run[] {
  return bySource(children).flatMap(({ source, nodes }) => {
    const runs = nodes.flatMap(textRuns);
    return source ? [...runs, { text: ` (${sourceLabel(source)})`, face: 'italic' as Face, color: MUTED }] : runs;
  });
}

function textRuns(node: NodeJSON): Run[] {
  if (node.type === 'hardBreak') return [{ text: '\n' }];
  if (node.type !== 'text') return (node.content ?? []).flatMap(textRuns);
  const marks = new Set((node.marks ?? []).map((m) => m.type));
  const bold = marks.has('bold');
  const italic = marks.has('italic');
  const linkMark = node.marks?.find((m) => m.type === 'link');
  // Only a link the editor allows; anything else stays text, as in the HTML copy.
  const link = followableLink((linkMark?.attrs as { href?: unknown } | undefined)?.href) ?? undefined;
  return [
    {
      text: node.text ?? '',
      face: bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular',
      underline: marks.has('underline') || link !== undefined,
      strike: marks.has('strike'),
      ...(link ? { link, color: '#1a4d8f' } : {}),
    },
  ];
}

/** Text of a node and its children, paragraphs on their own lines (for table cells and headings). */
function plainText(node: NodeJSON): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(plainText);
  return ['paragraph', 'heading', 'listItem'].includes(node.type) ? parts.join('') : parts.join('\n');
}

function writeTable(w: PdfWriter, node: NodeJSON): void {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(plainText));
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (columns === 0) return;
  const header = (node.content?.[0]?.content ?? []).every((c) => c.type === 'tableHeader');
  // Merged cells are written out as plain cells; every row gets the same number of columns.
  w.table(
    rows.map((r) => [...r, ...Array(columns - r.length).fill('')]),
    { header },
  );
}

function writeBlock(w: PdfWriter, type: BlockType, raw: unknown, blocks: BlockContext): void {
  const parsed = parseBlock(type, raw);
  if (!parsed.success) {
    w.note(`(${BLOCK_LABEL[type]}: kan niet worden weergegeven)`, 'italic');
    return;
  }
  const rows = blockRows(type, parsed.data).map((r) => [r.label, r.text]);
  w.table(rows.length > 0 ? rows : [['', '']], { title: BLOCK_LABEL[type], widths: [150, '*'] });
  const who = blocks.authorship(parsed.data.id);
  const attested = who ? authorshipLine(type, who) : null;
  if (attested) w.note(`${attested}.`);
  for (const line of blocks.notes(parsed.data.id)) w.note(line);
  w.doc.moveDown(0.4);
}

