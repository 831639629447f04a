import { GLOSSARY } from '../ui/glossary.ts';

/**
 * Words from the chain that professionals write in a family's plan, with their plain meaning
 * (B1): the glossary's own terms (not the block names, which the pages explain where they show a
 * block), and the words parents tripped over on their home page.
 */
export const FAMILY_TERMS: Readonly<Record<string, string>> = {
  drang: GLOSSARY.drang,
  raadsonderzoek: GLOSSARY.raadsonderzoek,
  regisseur: GLOSSARY.regisseur,
  gedragswetenschapper: GLOSSARY.gedragswetenschapper,
  werkdagen: GLOSSARY.werkdagen,
  'POH GGZ': 'Een praktijkondersteuner bij de huisarts die helpt bij psychische klachten, zoals somberheid of stress.',
  GGZ: 'Geestelijke gezondheidszorg: hulp bij psychische problemen.',
  'basis-GGZ': 'Hulp bij lichte of matige psychische klachten, meestal een korte behandeling.',
  schuldhulp: 'Hulp van de gemeente om schulden op een rij te zetten en af te lossen.',
  schuldhulpverlening: 'Hulp van de gemeente om schulden op een rij te zetten en af te lossen.',
  intake: 'Het eerste gesprek, waarin samen wordt gekeken welke hulp nodig is.',
  intakegesprek: 'Het eerste gesprek, waarin samen wordt gekeken welke hulp nodig is.',
  'intern begeleider': 'Iemand op school die extra hulp voor leerlingen regelt.',
  risicotaxatie: 'Een inschatting van hoe veilig het thuis is.',
  MDO: 'Een overleg van alle hulpverleners samen.',
  agressieregulatietraining: 'Een training waarin je leert je boosheid te herkennen en rustig te blijven.',
};
