/** Words from the child-protection chain, explained in plain Dutch (B1) for the family. */
export const GLOSSARY = {
  veiligheidsvoorwaarde: 'Iets wat zeker moet gebeuren of niet mag gebeuren, zodat de kinderen veilig zijn. Daarover kan niet onderhandeld worden.',
  afspraak: 'Wat jullie samen hebben afgesproken: wie doet wat, vanaf wanneer en hoe we controleren of het lukt.',
  schaalvraag: 'Iedereen geeft een cijfer van 0 tot 10. 0 betekent: zo onveilig dat de kinderen niet thuis kunnen blijven. 10 betekent: veilig genoeg.',
  signaal: 'Een teken dat het misgaat, en wat je dan doet en wie je belt.',
  zorg: 'Waar iemand zich zorgen over maakt, en wat dat voor de kinderen betekent.',
  kracht: 'Wat al goed gaat en helpt om de kinderen veilig te houden.',
  actie: 'Een taak uit het plan: wie doet het en wanneer is het klaar.',
  besluit: 'Wat de Jeugdbeschermingstafel heeft besloten, en waarom.',
  drang: 'Hulp die niet helemaal vrijwillig is: als het niet lukt, kan de Raad voor de Kinderbescherming worden ingeschakeld.',
  raadsonderzoek: 'De Raad voor de Kinderbescherming onderzoekt of een kinderbeschermingsmaatregel nodig is. Daarna beslist de rechter.',
  regisseur: 'De vaste contactpersoon die het plan met jullie bijhoudt en iedereen bij elkaar brengt.',
  gedragswetenschapper: 'Een deskundige (bijvoorbeeld orthopedagoog of psycholoog) die meekijkt of de analyse klopt.',
  'werkdagen': 'Maandag tot en met vrijdag, zonder feestdagen.',
} as const;
export type GlossaryTerm = keyof typeof GLOSSARY;
