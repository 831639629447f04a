import { z } from 'zod';
import { Actie } from './actie.ts';
import { Afspraak } from './afspraak.ts';
import { Besluit } from './besluit.ts';
import { Kracht } from './kracht.ts';
import { Schaalvraag } from './schaalvraag.ts';
import { Signaal } from './signaal.ts';
import { Veiligheidsvoorwaarde } from './veiligheidsvoorwaarde.ts';
import { Zorg } from './zorg.ts';

/**
 * The structured safety-plan blocks. Each is a Tiptap atom node named after its type with one
 * attribute, `data`, holding the object validated by the schema here.
 */
export const BLOCK_SCHEMAS = {
  zorg: Zorg,
  kracht: Kracht,
  schaalvraag: Schaalvraag,
  veiligheidsvoorwaarde: Veiligheidsvoorwaarde,
  afspraak: Afspraak,
  signaal: Signaal,
  actie: Actie,
  besluit: Besluit,
} as const;

export const BlockType = z.enum(['zorg', 'kracht', 'schaalvraag', 'veiligheidsvoorwaarde', 'afspraak', 'signaal', 'actie', 'besluit']);
export type BlockType = z.infer<typeof BlockType>;

export const BLOCK_LABEL: Record<BlockType, string> = {
  zorg: 'Zorg',
  kracht: 'Kracht',
  schaalvraag: 'Schaalvraag',
  veiligheidsvoorwaarde: 'Veiligheidsvoorwaarde',
  afspraak: 'Afspraak',
  signaal: 'Signaal',
  actie: 'Actie',
  besluit: 'Besluit',
};

export type BlockData = { [K in BlockType]: z.infer<(typeof BLOCK_SCHEMAS)[K]> };

export function isBlockType(name: string): name is BlockType {
  return (BlockType.options as readonly string[]).includes(name);
}

/** Validates a block's `data`; the issues carry Dutch messages for the editor. */
export function parseBlock<T extends BlockType>(type: T, data: unknown) {
  return (BLOCK_SCHEMAS[type] as unknown as z.ZodType<BlockData[T]>).safeParse(data);
}

export { Actie, Afspraak, Besluit, Kracht, Schaalvraag, Signaal, Veiligheidsvoorwaarde, Zorg };
