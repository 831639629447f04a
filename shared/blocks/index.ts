import { z } from 'zod';
import { Actie, actieBlock } from './actie.ts';
import { Afspraak, afspraakBlock } from './afspraak.ts';
import { Besluit, besluitBlock } from './besluit.ts';
import { Kracht, krachtBlock } from './kracht.ts';
import { Schaalvraag, schaalvraagBlock } from './schaalvraag.ts';
import { Signaal, signaalBlock } from './signaal.ts';
import { Veiligheidsvoorwaarde, veiligheidsvoorwaardeBlock } from './veiligheidsvoorwaarde.ts';
import { Zorg, zorgBlock } from './zorg.ts';

/**
 * The structured safety-plan blocks, registered here once, in the order the toolbar and the "/"
 * menu offer them. Each is a Tiptap atom node named after its type with one attribute, `data`,
 * holding the object its schema validates.
 */
export const BLOCKS = [zorgBlock, krachtBlock, schaalvraagBlock, veiligheidsvoorwaardeBlock, afspraakBlock, signaalBlock, actieBlock, besluitBlock] as const;

type Registered = (typeof BLOCKS)[number];
export type BlockType = Registered['type'];
export const BlockType = z.enum(BLOCKS.map((b) => b.type) as [BlockType, ...BlockType[]]);

type DefinitionOf<T extends BlockType> = Extract<Registered, { type: T }>;
export type BlockData = { [K in BlockType]: z.output<DefinitionOf<K>['schema']> };

const BY_TYPE = Object.fromEntries(BLOCKS.map((b) => [b.type, b])) as unknown as { [K in BlockType]: DefinitionOf<K> };

/** The definition of one block type: schema, label, fields, how it reads. */
export function blockDefinition<T extends BlockType>(type: T): DefinitionOf<T> {
  return BY_TYPE[type];
}

export const BLOCK_SCHEMAS = Object.fromEntries(BLOCKS.map((b) => [b.type, b.schema])) as unknown as { [K in BlockType]: DefinitionOf<K>['schema'] };

export const BLOCK_LABEL = Object.fromEntries(BLOCKS.map((b) => [b.type, b.label])) as Record<BlockType, string>;

export function isBlockType(name: string): name is BlockType {
  return Object.hasOwn(BY_TYPE, name);
}

/** Validates a block's `data`; the issues carry Dutch messages for the editor. */
export function parseBlock<T extends BlockType>(type: T, data: unknown) {
  return (BY_TYPE[type].schema as unknown as z.ZodType<BlockData[T]>).safeParse(data);
}

/** A block whose data passed its schema, told apart by `type`. */
export type ValidBlock = { [K in BlockType]: { type: K; data: BlockData[K] } }[BlockType];

/**
 * The block when `type` is a block type and `data` passes its schema, else null: readers skip or
 * mark such a block (a half-typed form, content from before a schema change) instead of failing.
 */
export function validBlock(type: string, data: unknown): ValidBlock | null {
  if (!isBlockType(type)) return null;
  const parsed = parseBlock(type, data);
  return parsed.success ? ({ type, data: parsed.data } as ValidBlock) : null;
}

export { Actie, Afspraak, Besluit, Kracht, Schaalvraag, Signaal, Veiligheidsvoorwaarde, Zorg };
