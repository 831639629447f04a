/**
 * Calendar arithmetic on plain `YYYY-MM-DD` strings (the `IsoDate` of shared/blocks/common.ts).
 * A date is turned into a whole day number in UTC and back, so no local time zone or daylight
 * saving change can shift a date by one.
 */

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC). Throws on anything that is not a real calendar date. */
export function dayNumber(date: string): number {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`Geen datum (jjjj-mm-dd): ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; a plan date like that is a typo, not a date.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Deze datum bestaat niet: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): string {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/**
 * Same day n months later; a day that the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February), so "every 3 months" never skips a month.
 */
export function addMonths(date: string, n: number): string {
  dayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(d, last));
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Where the families and their deadlines are: dates and times are Dutch ones. */
export const NETHERLANDS_TIME_ZONE = 'Europe/Amsterdam';

// en-CA formats as YYYY-MM-DD.
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: NETHERLANDS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const DUTCH_WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: NETHERLANDS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * The calendar date in the Netherlands at an instant. Deadlines are Dutch calendar days: just
 * after midnight in Amsterdam it is already the next day while UTC still says the previous one.
 */
export function dateInNetherlands(instant: Date): string {
  return DUTCH_DATE.format(instant);
}

/** How far Dutch clocks are ahead of UTC at `at` (ms since the epoch): one hour in winter, two in summer. */
export function netherlandsOffsetMs(at: number): number {
  const part = Object.fromEntries(DUTCH_WALL_CLOCK.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - at;
}
