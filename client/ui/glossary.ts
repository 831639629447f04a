import { BLOCKS, type BlockType } from '../../shared/blocks/index.ts';

/** Each block type explains itself, in its own file. */
const BLOCK_TERMS = Object.fromEntries(BLOCKS.map((b) => [b.type, b.explanation])) as Record<BlockType, string>;

/** Words from the child-protection chain, explained in plain Dutch (B1) for the family. */
export const GLOSSARY = {
  ...BLOCK_TERMS,
  drang: 'Hulp die niet helemaal vrijwillig is: als het niet lukt, kan de Raad voor de Kinderbescherming worden ingeschakeld.',
  raadsonderzoek: 'De Raad voor de Kinderbescherming onderzoekt of een kinderbeschermingsmaatregel nodig is. Daarna beslist de rechter.',
  regisseur: 'De vaste contactpersoon die het plan met jullie bijhoudt en iedereen bij elkaar brengt.',
  gedragswetenschapper: 'Een deskundige (bijvoorbeeld orthopedagoog of psycholoog) die meekijkt of de analyse klopt.',
  'werkdagen': 'Maandag tot en met vrijdag, zonder feestdagen.',
} as const;
export type GlossaryTerm = keyof typeof GLOSSARY;
