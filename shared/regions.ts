import { z } from 'zod';
import { labelledEnum } from './labelledEnum.ts';

/**
 * The regions Tafel knows, by their key (as cases and organisations store it) and their name. A
 * case's deadlines (deadlines.ts) and the words explained to its family (glossary.ts) follow its
 * region, so a new case takes one of these, never free text: a typo would silently change both.
 */
export const REGION_NAME = {
  flevoland: 'Flevoland',
};

const NAMES = Object.values(REGION_NAME).join(', ');
const Known = labelledEnum(REGION_NAME, { error: (issue) => (issue.input === '' ? 'Kies een regio.' : `Tafel kent de regio “${String(issue.input)}” niet. Kies een van deze regio’s: ${NAMES}.`) });
/** The keys, in the order of the list: the order every choice of a region shows them in. */
export const REGIONS = Known.options;

/**
 * A region Tafel knows, by its key; written with capitals or spaces around it, it is still that
 * region. Anything else is refused, saying which regions Tafel knows.
 */
export const Region = z
  .string({ error: 'Kies een regio.' })
  .trim()
  .toLowerCase()
  .pipe(Known);
export type Region = z.infer<typeof Region>;

/** A region's name, for a stored key; a key Tafel does not know reads as it is. */
export const regionName = (region: string): string => (isRegion(region) ? REGION_NAME[region] : region);

/** Whether Tafel knows this region (a stored value may predate the list, or come from elsewhere). */
export const isRegion = (region: string | null | undefined): region is Region => region != null && Object.hasOwn(REGION_NAME, region);
