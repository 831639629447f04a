import { IsoDate } from './blocks/common.ts';
import { netherlandsOffsetMs } from './calendar/isoDate.ts';

/**
 * From 16, a young person decides about their own information: their parents then need their
 * consent to read what is written about their health (WGBO, art. 7:447 BW; Jeugdwet, art. 7.3.4).
 */
export const OWN_RIGHTS_AGE = 16;

/** A birth date is a calendar date, `yyyy-mm-dd`, that exists. */
export const BirthDate = IsoDate;

/** The moment someone born on `birthDate` turns 16, as an ISO time: midnight of that day in the Netherlands, where the family lives. */
export function ownRightsFrom(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y + OWN_RIGHTS_AGE, m - 1, d);
  // Clocks change at 01:00 UTC, never around Dutch midnight: the offset at UTC midnight is the one.
  return new Date(utcMidnight - netherlandsOffsetMs(utcMidnight)).toISOString();
}
