import { z } from 'zod';

/**
 * From 16, a young person decides about their own information: their parents then need their
 * consent to read what is written about their health (WGBO, art. 7:447 BW; Jeugdwet, art. 7.3.4).
 */
export const OWN_RIGHTS_AGE = 16;

/** A calendar date, `yyyy-mm-dd`. */
export const BirthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The moment someone born on `birthDate` turns 16, as an ISO time (the start of that day, UTC). */
export function ownRightsFrom(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + OWN_RIGHTS_AGE, m - 1, d)).toISOString();
}
