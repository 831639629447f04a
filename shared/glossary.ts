import { z } from 'zod';
import { BLOCKS } from './blocks/index.ts';
import { REGION_NAME } from './regions.ts';

/**
 * Words of the child-protection chain explained in plain Dutch (B1) for the family: a general list,
 * with per region the words it adds or explains its own way (as deadlines.ts does for terms).
 * Pure: the region is a parameter.
 */

/** Words with their explanation; a word is matched without regard to capitals. */
export const Explanations = z.record(z.string().trim().min(1), z.string().trim().min(1));
export type Explanations = z.infer<typeof Explanations>;

/** A region's own words: added, or explained differently than in the general list. */
export const RegionGlossary = z.object({
  regio: z.string().min(1),
  naam: z.string().min(1),
  termen: Explanations,
});
export type RegionGlossary = z.infer<typeof RegionGlossary>;

const SCHULDHULP = 'Hulp van de gemeente om schulden op een rij te zetten en af te lossen.';
const INTAKE = 'Het eerste gesprek, waarin samen wordt gekeken welke hulp nodig is.';

/** Words that professionals write in a family's plan, and that app texts explain with `Term`. */
export const GENERAL_TERMS = {
  drang: 'Hulp die niet helemaal vrijwillig is: als het niet lukt, kan de Raad voor de Kinderbescherming worden ingeschakeld.',
  raadsonderzoek: 'De Raad voor de Kinderbescherming onderzoekt of een kinderbeschermingsmaatregel nodig is. Daarna beslist de rechter.',
  regisseur: 'De vaste contactpersoon die het plan met jullie bijhoudt en iedereen bij elkaar brengt.',
  gedragswetenschapper: 'Een deskundige (bijvoorbeeld orthopedagoog of psycholoog) die meekijkt of de analyse klopt.',
  werkdagen: 'Maandag tot en met vrijdag, zonder feestdagen.',
  'lokaal team': 'Het team van de gemeente dat gezinnen helpt met opvoeden, geld, wonen en gezondheid.',
  'POH GGZ': 'Een praktijkondersteuner bij de huisarts die helpt bij psychische klachten, zoals somberheid of stress.',
  GGZ: 'Geestelijke gezondheidszorg: hulp bij psychische problemen.',
  'basis-GGZ': 'Hulp bij lichte of matige psychische klachten, meestal een korte behandeling.',
  schuldhulp: SCHULDHULP,
  schuldhulpverlening: SCHULDHULP,
  intake: INTAKE,
  intakegesprek: INTAKE,
  'intern begeleider': 'Iemand op school die extra hulp voor leerlingen regelt.',
  risicotaxatie: 'Een inschatting van hoe veilig het thuis is.',
  MDO: 'Een overleg van alle hulpverleners samen.',
  agressieregulatietraining: 'Een training waarin je leert je boosheid te herkennen en rustig te blijven.',
} as const satisfies Explanations;
export type GeneralTerm = keyof typeof GENERAL_TERMS;

/**
 * Regions with words of their own. In Flevoland the lokaal team of Almere is called the sociaal
 * wijkteam (seed: "Sociaal wijkteam Almere Haven"), so its families read that word.
 */
export const REGION_GLOSSARIES: readonly RegionGlossary[] = [
  {
    regio: 'flevoland',
    naam: REGION_NAME.flevoland,
    termen: {
      'sociaal wijkteam': 'Het lokaal team van de gemeente in jullie wijk. Het helpt gezinnen met opvoeden, geld, wonen en gezondheid.',
      'lokaal team': 'Het team van de gemeente dat gezinnen helpt. In Almere heet het het sociaal wijkteam.',
    },
  },
];

/** The block types explain themselves, each in its own file; they are explained where a block shows. */
const BLOCK_TERMS: Explanations = Object.fromEntries(BLOCKS.map((b) => [b.type, b.explanation]));

export interface Glossary {
  /** The explanation of a word (a glossary word or a block type), without regard to capitals. */
  explain(word: string): string | undefined;
  /** The words looked for in written content, longest first so "POH GGZ" wins over "GGZ". */
  readonly terms: readonly string[];
}

const key = (word: string) => word.toLocaleLowerCase('nl');

/** The glossary of a region: the general words, then the region's own, which win over the general ones. */
export function glossaryFor(region: string | null, regions: readonly RegionGlossary[] = REGION_GLOSSARIES, general: Explanations = GENERAL_TERMS): Glossary {
  const own = regions.find((r) => r.regio === region)?.termen ?? {};
  const words = new Map<string, { word: string; explanation: string }>();
  for (const [word, explanation] of [...Object.entries(general), ...Object.entries(own)]) words.set(key(word), { word, explanation });
  const blocks = new Map(Object.entries(BLOCK_TERMS).map(([type, explanation]) => [key(type), explanation]));
  return {
    explain: (word) => words.get(key(word))?.explanation ?? blocks.get(key(word)),
    terms: [...words.values()].map((w) => w.word).sort((a, b) => b.length - a.length),
  };
}

/** A run of written text: plain, or a known word with its explanation. */
export type TextPart = { text: string; explanation?: string };

const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Written text cut into runs, each known word (as a whole word, any capitals) with its explanation. */
export function withExplanations(text: string, glossary: Glossary): TextPart[] {
  if (glossary.terms.length === 0) return [{ text }];
  // One capturing group: in the split, the odd parts are the words found.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(${glossary.terms.map(literal).join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  return text
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? { text: part, explanation: glossary.explain(part) } : { text: part }))
    .filter((p) => p.text !== '');
}
