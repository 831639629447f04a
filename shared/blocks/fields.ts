import { type BlockLine, emptyValues, type FieldSpec } from './blockType.ts';
import { isFamilyRole, type Role } from '../roles.ts';
import { type BlockData, type BlockType, blockDefinition } from './index.ts';

export type { BlockLine, FieldSpec } from './blockType.ts';

export type AnyBlockData = BlockData[BlockType];

/** The form fields of a block type, in order. */
export function blockFields(type: BlockType): readonly FieldSpec[] {
  return blockDefinition(type).fields;
}

/** The starting point of a new block. */
export function emptyBlock(type: BlockType, id: string): Record<string, unknown> {
  return { id, ...emptyValues(blockFields(type), new Date().toISOString().slice(0, 10)) };
}

/**
 * How a valid block reads, as labelled lines of plain text: the editor view, the HTML and PDF
 * copies, search and comments ("Reactie op Afspraak: …", the first line) all use these.
 */
export function readBlock<T extends BlockType>(type: T, data: BlockData[T]): BlockLine[] {
  return (blockDefinition(type).reads as (data: BlockData[T]) => BlockLine[])(data);
}

/** The same lines by their older name, for readers that want only `label` and `text`. */
export const blockRows = readBlock;

/** The question of one field ("Stand van zaken"), for views that show a field on its own. */
export function fieldLabel<T extends BlockType>(type: T, key: keyof BlockData[T] & string): string {
  return field(type, key).label;
}

/** The words for a choice ("Loopt" for an afspraak's status `open`), as the block reads it. */
export function optionLabel<T extends BlockType>(type: T, key: keyof BlockData[T] & string, value: string): string {
  const spec = field(type, key);
  return spec.kind === 'select' ? (spec.options[value] ?? value) : value;
}

/**
 * The words for a choice as this reader reads them: a family member reads the family's words
 * where the block declares them ("Gelukt" for an afspraak that is `nagekomen`), a professional
 * the block's own. Pages for one reader ("Ons plan") use this; the shared copies use `optionLabel`.
 */
export function optionLabelFor<T extends BlockType>(role: Role, type: T, key: keyof BlockData[T] & string, value: string): string {
  const spec = field(type, key);
  const family = isFamilyRole(role) && spec.kind === 'select' ? spec.family?.[value] : undefined;
  return family ?? optionLabel(type, key, value);
}

function field(type: BlockType, key: string): FieldSpec {
  const spec = blockFields(type).find((f) => f.key === key);
  if (!spec) throw new Error(`${type} has no field ${key}`);
  return spec;
}
