import { isHoliday } from './holidays.ts';
import { addDays, dayOfWeek, dayNumber } from './isoDate.ts';

export { addDays, addMonths } from './isoDate.ts';

/**
 * Werkdagen: Monday to Friday, not a Dutch public holiday. Used for "binnen 2 werkdagen" deadlines
 * and the family's reaction period of at least 5 werkdagen. Dates are `YYYY-MM-DD` strings.
 */

export function isWerkdag(date: string): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && !isHoliday(date);
}

/**
 * The n-th werkdag after `date` ("binnen 2 werkdagen na ontvangst": the day itself does not
 * count). A negative n counts back; n = 0 gives `date` itself, even when that is not a werkdag.
 */
export function addWerkdagen(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Aantal werkdagen moet een heel getal zijn: ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let current = date;
  while (left > 0) {
    current = addDays(current, step);
    if (isWerkdag(current)) left--;
  }
  return current;
}

/**
 * Werkdagen counted the way {@link addWerkdagen} steps: after `a` up to and including `b`, so
 * `werkdagenBetween(a, addWerkdagen(a, n)) === n` for every n (negative when b is before a).
 */
export function werkdagenBetween(a: string, b: string): number {
  const step = dayNumber(b) < dayNumber(a) ? -1 : 1;
  let count = 0;
  for (let current = a; current !== b; ) {
    current = addDays(current, step);
    // Walking back, the day we land on counts and `a` itself does not, exactly as in addWerkdagen.
    if (isWerkdag(current)) count++;
  }
  return step * count;
}
