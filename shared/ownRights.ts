import { z } from 'zod';

/**
 * From 16, a young person decides about their own information: their parents then need their
 * consent to read what is written about their health (WGBO, art. 7:447 BW; Jeugdwet, art. 7.3.4).
 */
export const OWN_RIGHTS_AGE = 16;

/** A calendar date, `yyyy-mm-dd`. */
export const BirthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Birthdays fall at midnight where the family lives, not at midnight UTC. */
let dutchWallClock: Intl.DateTimeFormat | null = null;

/** The moment someone born on `birthDate` turns 16, as an ISO time: midnight of that day in the Netherlands. */
export function ownRightsFrom(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y + OWN_RIGHTS_AGE, m - 1, d);
  // Clocks change at 01:00 UTC, never around Dutch midnight: the offset at UTC midnight is the one.
  return new Date(utcMidnight - dutchOffsetMs(utcMidnight)).toISOString();
}

/** How far Dutch clocks are ahead of UTC at `at` (one hour in winter, two in summer). */
function dutchOffsetMs(at: number): number {
  dutchWallClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const part = Object.fromEntries(dutchWallClock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - at;
}
