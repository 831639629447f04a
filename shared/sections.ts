import { z } from 'zod';

/** Catalogue ids of DOMAIN.md; stable, used in section instance ids and the access table. */
export const CatalogueId = z.enum([
  'aanleiding',
  'gezin',
  'stem-jeugdige',
  'stem-ouders',
  'eigen-woorden',
  'financien',
  'bestaanszekerheid',
  'ggz',
  'gezondheid-jeugdige',
  'onderwijs',
  'opvoeding',
  'huiselijk-geweld',
  'online',
  'justitie',
  'zorgen-krachten',
  'verklarende-analyse',
  'veiligheidsplan',
  'plan',
  'besluit',
  'reactie-gezin',
  'reactie-besluit',
  'reactie-jeugdige',
  'evaluatie',
  'r-melder',
  'r-adres',
  'r-derden',
  'r-werkaantekeningen',
]);
export type CatalogueId = z.infer<typeof CatalogueId>;

export const GROUP_TITLE = {
  gezin: 'Gezin',
  levensgebieden: 'Levensgebieden',
  analyse: 'Analyse',
  plan: 'Plan en besluit',
  afgeschermd: 'Afgeschermd',
};
/** Only a type: a group is named by the catalogue below, never read from outside, so nothing parses one. */
export type SectionGroup = keyof typeof GROUP_TITLE;

export interface CatalogueEntry {
  id: CatalogueId;
  title: string;
  group: SectionGroup;
  /** One instance per adult (`volwassene`), per child (`kind`) or per organisation. */
  instancePer: 'case' | 'volwassene' | 'kind' | 'organisatie';
  /** Per-person section that other family members do not see without consent or legal ground. */
  privateToSubject: boolean;
  /** Restricted (`r-*`): never shown to the family; the legal ground is shown to professionals. */
  restriction: string | null;
  /** One line in plain Dutch (B1) saying what belongs here. */
  summary: string;
  /**
   * Readable under emergency access: what a crisis worker needs to act tonight (who the family
   * is, where the children are, the dangers, the safety plan and what was decided), nothing more.
   */
  inEmergency: boolean;
  /**
   * For a restricted section the family may know exists ("transparent unless"): what the family
   * is told while it holds something, in plain words. Null where the law keeps even that from
   * them (the melder) or where it is not part of the file.
   */
  familyNotice: string | null;
  /**
   * A person's own voice: only the person it is about writes it; everyone else who may read it
   * comments, whatever their role or a grant would give (Jeugdwet art. 7.3.8: the client's own
   * statement in the file). A child under 12 has no account: there its role defaults hold, so the
   * regisseur writes down what the child said (DOMAIN.md).
   */
  ownVoice: boolean;
}

const entry = (
  id: CatalogueId,
  title: string,
  group: SectionGroup,
  summary: string,
  extra: Partial<Pick<CatalogueEntry, 'instancePer' | 'privateToSubject' | 'restriction' | 'inEmergency' | 'familyNotice' | 'ownVoice'>> = {},
): CatalogueEntry => ({
  id,
  title,
  group,
  summary,
  instancePer: extra.instancePer ?? 'case',
  privateToSubject: extra.privateToSubject ?? false,
  restriction: extra.restriction ?? null,
  inEmergency: extra.inEmergency ?? false,
  familyNotice: extra.familyNotice ?? null,
  ownVoice: extra.ownVoice ?? false,
});

/** The section catalogue, in the order a professional reads a case. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  entry('aanleiding', 'Aanleiding en hulpvraag', 'gezin', 'Waarom we samen aan tafel zitten en wat het gezin zelf vraagt.', { inEmergency: true }),
  entry('gezin', 'Gezin en netwerk', 'gezin', 'Wie er bij het gezin horen, wie waar woont en wie helpt.', { inEmergency: true }),
  entry('stem-jeugdige', 'Wat de jeugdige zegt', 'gezin', 'De eigen woorden van het kind of de jongere.'),
  entry('stem-ouders', 'Wat ouders zeggen', 'gezin', 'Hoe de ouders zelf naar de situatie kijken.'),
  entry('eigen-woorden', 'In eigen woorden', 'gezin', 'Wat één ouder zelf over het dossier wil zeggen. Alleen die ouder schrijft hier; anderen kunnen reageren.', {
    instancePer: 'volwassene',
    ownVoice: true,
  }),
  entry('financien', 'Financiën en schulden', 'levensgebieden', 'Inkomen, schulden en toeslagen.'),
  entry('bestaanszekerheid', 'Wonen, werk en inkomen', 'levensgebieden', 'Een huis, werk en genoeg geld om van te leven.'),
  entry('ggz', 'Psychische gezondheid en verslaving', 'levensgebieden', 'Hoe het gaat met de psychische gezondheid van één volwassene.', {
    instancePer: 'volwassene',
    privateToSubject: true,
  }),
  entry('gezondheid-jeugdige', 'Ontwikkeling en gezondheid jeugdige', 'levensgebieden', 'Hoe een kind groeit en zich ontwikkelt.', {
    instancePer: 'kind',
    inEmergency: true,
  }),
  entry('onderwijs', 'School, opvang en dagbesteding', 'levensgebieden', 'School, kinderopvang en wat iemand overdag doet.'),
  entry('opvoeding', 'Opvoeding en gezinsrelaties', 'levensgebieden', 'Hoe ouders en kinderen met elkaar omgaan.'),
  entry('huiselijk-geweld', 'Huiselijk geweld en veiligheid thuis', 'levensgebieden', 'Of iedereen thuis veilig is.', { inEmergency: true }),
  entry('online', 'Online leefwereld', 'levensgebieden', 'Wat kinderen online doen en meemaken.'),
  entry('justitie', 'Politie en justitie', 'levensgebieden', 'Contact met politie of rechter.'),
  entry('zorgen-krachten', 'Zorgen, krachten en wat nog onduidelijk is', 'analyse', 'Waar we ons zorgen over maken, wat goed gaat en wat we nog niet weten.', { inEmergency: true }),
  entry('verklarende-analyse', 'Verklarende analyse', 'analyse', 'Waarom het gebeurt: hoe de problemen met elkaar samenhangen.'),
  entry('veiligheidsplan', 'Veiligheidsplan', 'plan', 'Wat er minimaal moet gebeuren zodat de kinderen veilig zijn.', { inEmergency: true }),
  entry('plan', 'Doelen en acties', 'plan', 'Eén plan voor het hele gezin: doelen, acties, wie en wanneer.', { inEmergency: true }),
  entry('besluit', 'Besluit Jeugdbeschermingstafel', 'plan', 'Wat er aan tafel is besloten en waarom.', { inEmergency: true }),
  entry('reactie-gezin', 'Reactie van het gezin', 'plan', 'Wat het gezin zelf over dit dossier wil zeggen.'),
  entry('reactie-besluit', 'Reactie op het besluit', 'plan', 'Wat één ouder vindt van het besluit van de tafel. Alleen die ouder schrijft hier; anderen kunnen reageren.', {
    instancePer: 'volwassene',
    ownVoice: true,
  }),
  entry('reactie-jeugdige', 'Reactie op het besluit', 'plan', 'Wat een kind of jongere vindt van het besluit. Vanaf 12 jaar schrijft alleen de jongere zelf; voor een jonger kind schrijft de regisseur op wat het kind zei.', {
    instancePer: 'kind',
    ownVoice: true,
  }),
  entry('evaluatie', 'Evaluatie', 'plan', 'Elke drie maanden kijken we samen hoe het gaat.'),
  entry('r-melder', 'Melder en bronnen', 'afgeschermd', 'Wie de melding deed en welke bronnen er zijn.', {
    restriction: 'Identiteit van de melder is beschermd (Wmo 2015 art. 5.2.6; alleen Veilig Thuis).',
  }),
  entry('r-adres', 'Afgeschermd adres', 'afgeschermd', 'Een adres dat geheim blijft.', {
    restriction: 'Afgeschermd adres ter bescherming van een gezinslid (AVG art. 9 en 23); nooit voor de andere ouder.',
    inEmergency: true,
  }),
  entry('r-derden', 'Informatie van derden', 'afgeschermd', 'Informatie van anderen die (nog) niet gedeeld mag worden.', {
    restriction: 'Informatie van derden zonder hun toestemming (Jeugdwet art. 7.3.10 lid 1).',
    familyNotice:
      'Er staat informatie van andere mensen in jullie dossier die we nog niet met jullie mogen delen, omdat zij daar geen toestemming voor gaven (Jeugdwet artikel 7.3.10). Vraag de regisseur gerust waarom.',
  }),
  entry('r-werkaantekeningen', 'Werkaantekeningen', 'afgeschermd', 'Eigen werkaantekeningen van één organisatie.', {
    instancePer: 'organisatie',
    restriction: 'Persoonlijke werkaantekeningen vallen niet onder het dossier (Jeugdwet art. 7.3.8).',
  }),
];

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));

export function catalogueEntry(id: CatalogueId): CatalogueEntry {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown catalogue id ${id}`);
  return found;
}
