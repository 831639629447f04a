import { NETHERLANDS_TIME_ZONE } from './calendar/isoDate.ts';

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: NETHERLANDS_TIME_ZONE });
const DATE_TIME_YEAR = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: NETHERLANDS_TIME_ZONE });
const TIME = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: NETHERLANDS_TIME_ZONE });
const YEAR = new Intl.DateTimeFormat('nl-NL', { year: 'numeric', timeZone: NETHERLANDS_TIME_ZONE });
const DAY_MONTH = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** `2026-11-15` → `15 november 2026` (plan dates are calendar dates, not moments). */
export const formatDate = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`));

/**
 * `2026-11-15` → `15 november`, or `15 november 2027` when that is not the year of `now` in the
 * Netherlands: short where it cannot be misread, with the year where it could.
 */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const day = new Date(`${iso}T00:00:00Z`);
  return iso.slice(0, 4) === YEAR.format(now) ? DAY_MONTH.format(day) : DATE.format(day);
}

/**
 * A moment in Dutch time: `12 nov, 17:30` in the year of `now` (Dutch calendar), `12 nov 2025,
 * 17:30` in any other year, so a date from December last year never reads as this year's.
 */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  return YEAR.format(at) === YEAR.format(now) ? DATE_TIME.format(at) : DATE_TIME_YEAR.format(at);
}

/** A moment with its year always (`12 nov 2026, 17:30`): for versions and copies, which are read later. */
export const formatFullDateTime = (iso: string) => DATE_TIME_YEAR.format(new Date(iso));

/** The time of a moment in Dutch time (`17:30`), where the day is said already. */
export const formatTime = (iso: string) => TIME.format(new Date(iso));
