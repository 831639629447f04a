import { z } from 'zod';
import { IsoDate } from './blocks/common.ts';
import { addDays, addMonths } from './calendar/isoDate.ts';
import { addWerkdagen } from './calendar/werkdagen.ts';
import { REGION_NAME } from './regions.ts';
import { isFamilyRole, type Role } from './roles.ts';

/**
 * Case deadlines (DOMAIN.md "Deadlines"), computed from the case dates and a per-region
 * configuration. Pure: `today` is a parameter, there is no hidden clock.
 */

/** The dates of a case that deadlines are computed from (`cases.dates`). */
export const CaseDates = z.object({
  meldingOntvangen: IsoDate,
  /** When the case was assessed and prioritised; older cases do not have it yet. */
  beoordeeld: IsoDate.nullable().default(null),
  kindGezien: IsoDate.nullable().default(null),
  risicotaxatie: IsoDate.nullable().default(null),
  gezinsplanVastgesteld: IsoDate.nullable().default(null),
  laatsteEvaluatie: IsoDate.nullable().default(null),
  laatsteKindGezien: IsoDate.nullable().default(null),
});
export type CaseDates = z.infer<typeof CaseDates>;

export const DeadlineId = z.enum(['beoordelen', 'kind-zien', 'risicotaxatie-mdo', 'gezinsplan', 'evaluatie', 'kind-periodiek']);
export type DeadlineId = z.infer<typeof DeadlineId>;

export const TermUnit = z.enum(['werkdagen', 'dagen', 'weken', 'maanden']);
export type TermUnit = z.infer<typeof TermUnit>;

/** One term: how long, and where that rule comes from (shown to the user next to the deadline). */
export const Term = z.object({
  aantal: z.number().int().min(1).max(366),
  eenheid: TermUnit,
  bron: z.string().trim().min(1),
});
export type Term = z.infer<typeof Term>;

const termsShape = {
  beoordelen: Term,
  'kind-zien': Term,
  'risicotaxatie-mdo': Term,
  gezinsplan: Term,
  evaluatie: Term,
  'kind-periodiek': Term,
} satisfies Record<DeadlineId, typeof Term>;

/** The standard terms, used wherever a region has not agreed on its own. */
export const StandardTerms = z.object(termsShape);
export type StandardTerms = z.infer<typeof StandardTerms>;

/** A region's own agreements: only the terms that differ from the standard. */
export const RegionTerms = z.object({
  regio: z.string().min(1),
  naam: z.string().min(1),
  termijnen: z.object(termsShape).partial(),
});
export type RegionTerms = z.infer<typeof RegionTerms>;

export const DeadlineStatus = z.enum(['op_tijd', 'te_laat', 'open', 'verlopen']);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

export const Deadline = z.object({
  id: DeadlineId,
  /** What has to happen, in plain Dutch (B1). */
  label: z.string(),
  /** The term in words, e.g. "binnen 2 werkdagen na de melding". */
  termijn: z.string(),
  due: IsoDate,
  done: IsoDate.nullable(),
  status: DeadlineStatus,
  /** Where the term comes from, including whether it is a regional agreement. */
  source: z.string(),
});
export type Deadline = z.infer<typeof Deadline>;

const JBRR = "Jeugdbescherming Rotterdam Rijnmond, 'Op de goede weg' (juli 2024)";

/**
 * The standard: the working agreements of Jeugdbescherming Rotterdam Rijnmond (seed 003), which
 * DOMAIN.md takes as the norm. The quotes are theirs. Note: the source says 14 *werkdagen* for the
 * risk assessment and MDO (DOMAIN.md condenses it to "14 days").
 */
export const STANDARD_TERMS: StandardTerms = {
  beoordelen: { aantal: 2, eenheid: 'werkdagen', bron: `${JBRR}: "We beoordelen en prioriteren de maatregelen binnen 2 werkdagen na ontvangst."` },
  'kind-zien': { aantal: 5, eenheid: 'werkdagen', bron: `${JBRR}: "We hebben binnen 5 werkdagen face-to-face contact met de jeugdige."` },
  'risicotaxatie-mdo': {
    aantal: 14,
    eenheid: 'werkdagen',
    bron: `${JBRR}: "We voeren een risicotaxatie en multidisciplinair overleg uit binnen 14 werkdagen."`,
  },
  gezinsplan: { aantal: 6, eenheid: 'weken', bron: `${JBRR}: "We stellen binnen 6 weken een gezinsplan op."` },
  evaluatie: {
    aantal: 3,
    eenheid: 'maanden',
    bron: `${JBRR}: "We zien minimaal iedere 3 maanden het gezin, hebben contact met het (professionele) netwerk en wegen opnieuw de veiligheid en ontwikkelingsbedreiging."`,
  },
  'kind-periodiek': { aantal: 3, eenheid: 'maanden', bron: `${JBRR}: "…waarbij minimaal 1x in de drie maanden face-to-face contact met de jeugdige plaatsvindt."` },
};

/**
 * Regions with their own entry. Flevoland has not set terms of its own (the regional advice of
 * 2021 names none), so it follows the standard; a term added here overrides it for that region.
 */
export const REGION_TERMS: readonly RegionTerms[] = [{ regio: 'flevoland', naam: REGION_NAME.flevoland, termijnen: {} }];

interface Definition {
  id: DeadlineId;
  label: string;
  /** What it means to the family, where the label is the professionals' way of saying it. */
  familyLabel?: string;
  /** The term in words, given the length ("2 werkdagen"). */
  termijn: (length: string) => string;
  start: (d: CaseDates) => string;
  done: (d: CaseDates) => string | null;
}

/** A term that runs once: it counts from the day the report came in, and `done` reads when it was met. */
const fromReport = (done: Definition['done']): Pick<Definition, 'termijn' | 'start' | 'done'> => ({
  termijn: (t) => `binnen ${t} na de melding`,
  start: (d) => d.meldingOntvangen,
  done,
});

/**
 * A term that comes back: it counts from the last time (`since` says which, in words) and is never
 * "done": the next one is due.
 */
const recurring = (since: string, start: Definition['start']): Pick<Definition, 'termijn' | 'start' | 'done'> => ({
  termijn: (t) => `minimaal elke ${t}, gerekend vanaf ${since}`,
  start,
  done: () => null,
});

/** What each deadline means: from which date it counts and which date marks it done. */
const DEFINITIONS: readonly Definition[] = [
  { id: 'beoordelen', label: 'Melding beoordelen: hoe dringend is het?', familyLabel: 'Bekijken hoe dringend de zorgen zijn', ...fromReport((d) => d.beoordeeld) },
  { id: 'kind-zien', label: 'Kind zien en spreken', ...fromReport((d) => d.kindGezien) },
  { id: 'risicotaxatie-mdo', label: 'Veiligheid inschatten en overleggen met alle hulpverleners (risicotaxatie en MDO)', ...fromReport((d) => d.risicotaxatie) },
  { id: 'gezinsplan', label: 'Gezinsplan maken', ...fromReport((d) => d.gezinsplanVastgesteld) },
  { id: 'evaluatie', label: 'Samen terugkijken hoe het gaat (evaluatie)', ...recurring('de vorige evaluatie', (d) => d.laatsteEvaluatie ?? d.meldingOntvangen) },
  { id: 'kind-periodiek', label: 'Kinderen opnieuw zien en spreken', ...recurring('de vorige keer', (d) => d.laatsteKindGezien ?? d.kindGezien ?? d.meldingOntvangen) },
];

/** What a deadline is called for this reader: the family's words where there are any, else the label. */
export function deadlineLabelFor(role: Role, deadline: Pick<Deadline, 'id' | 'label'>): string {
  const family = isFamilyRole(role) ? DEFINITIONS.find((d) => d.id === deadline.id)?.familyLabel : undefined;
  return family ?? deadline.label;
}

const UNIT_WORD: Record<TermUnit, [one: string, many: string]> = {
  werkdagen: ['werkdag', 'werkdagen'],
  dagen: ['dag', 'dagen'],
  weken: ['week', 'weken'],
  maanden: ['maand', 'maanden'],
};

function dueDate(start: string, term: Term): string {
  switch (term.eenheid) {
    case 'werkdagen':
      return addWerkdagen(start, term.aantal);
    case 'dagen':
      return addDays(start, term.aantal);
    case 'weken':
      return addDays(start, 7 * term.aantal);
    case 'maanden':
      return addMonths(start, term.aantal);
  }
}

export function deadlineStatus(due: string, done: string | null, today: string): DeadlineStatus {
  if (done !== null) return done <= due ? 'op_tijd' : 'te_laat';
  return due < today ? 'verlopen' : 'open';
}

/** The term that applies in a region, with the source text saying whether it is a regional one. */
export function termFor(id: DeadlineId, region: string, regions: readonly RegionTerms[] = REGION_TERMS, standard: StandardTerms = STANDARD_TERMS): { term: Term; source: string } {
  const own = regions.find((r) => r.regio === region);
  const override = own?.termijnen[id];
  if (override) return { term: override, source: `Afspraak in regio ${own.naam}: ${override.bron}` };
  const base = standard[id];
  const prefix = own ? `Regio ${own.naam} heeft hier geen eigen termijn; de standaard geldt. ` : '';
  return { term: base, source: `${prefix}Standaardtermijn, bron: ${base.bron}` };
}

/** Every case deadline with its due date and status on `today`, in the order of the process. */
export function caseDeadlines(
  dates: CaseDates,
  region: string,
  today: string,
  regions: readonly RegionTerms[] = REGION_TERMS,
  standard: StandardTerms = STANDARD_TERMS,
): Deadline[] {
  return DEFINITIONS.map((def) => {
    const { term, source } = termFor(def.id, region, regions, standard);
    const due = dueDate(def.start(dates), term);
    const done = def.done(dates);
    const [one, many] = UNIT_WORD[term.eenheid];
    const termijn = def.termijn(`${term.aantal} ${term.aantal === 1 ? one : many}`);
    return { id: def.id, label: def.label, termijn, due, done, status: deadlineStatus(due, done, today), source };
  });
}
