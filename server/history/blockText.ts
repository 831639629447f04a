import type { z } from 'zod';
import { type BlockLine, fieldLines } from '../../shared/blocks/blockType.ts';
import { blockFields, readBlock } from '../../shared/blocks/fields.ts';
import { BLOCK_LABEL, type BlockType, blockDefinition, isBlockType, validBlock } from '../../shared/blocks/index.ts';

/**
 * A safety-plan block as one line of the history: its label, then each line of the block as the
 * editor's block view and the copies read it ("Vanaf: 4 december 2026 · Stand van zaken: Loopt"),
 * the same words for every reader, as in the editor and the copies. A diff of two such lines
 * shows a changed status or date as its words changing.
 */
export function blockText(type: string, data: unknown): string {
  if (!isBlockType(type)) return type;
  const lines = linesOf(type, data).map(lineText);
  return lines.length > 0 ? `${BLOCK_LABEL[type]}: ${lines.join(' · ')}` : BLOCK_LABEL[type];
}

/**
 * Valid data reads as the block does. Data that no longer passes its schema (stored before a
 * change of it) still reads in the same words, field by field, where a field passes its own rule;
 * the rest is left out rather than shown as stored.
 */
function linesOf(type: BlockType, data: unknown): BlockLine[] {
  const block = validBlock(type, data);
  if (block) return readBlock(block.type, block.data);
  const rules = (blockDefinition(type).schema as unknown as z.ZodObject).shape;
  const stored = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const passing: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const parsed = rule.safeParse(stored[key]);
    if (parsed.success) passing[key] = parsed.data;
  }
  return fieldLines(blockFields(type), passing);
}

/** "Wie doet het? Sanne", "Vanaf: 4 december 2026"; a list's entries on one line, apart. */
function lineText(line: BlockLine): string {
  const text = line.text.split('\n').join(' / ');
  return line.label.endsWith('?') ? `${line.label} ${text}` : `${line.label}: ${text}`;
}
