import { addDays, dayOfWeek, isoDate } from './isoDate.ts';

/**
 * Dutch public holidays (feestdagen), computed for any year so no table runs out. They are the
 * days that do not count as werkdagen for the deadlines and the family's reaction period.
 * Goede Vrijdag is not a general day off in the Netherlands and is left out. Bevrijdingsdag
 * counts only in lustrum years (every 5 years), as in most collective labour agreements; note that
 * the Algemene termijnenwet (statutory terms) counts 5 May every year.
 */

export const HolidayName = [
  'Nieuwjaarsdag',
  'Eerste Paasdag',
  'Tweede Paasdag',
  'Koningsdag',
  'Koninginnedag',
  'Bevrijdingsdag',
  'Hemelvaartsdag',
  'Eerste Pinksterdag',
  'Tweede Pinksterdag',
  'Eerste Kerstdag',
  'Tweede Kerstdag',
] as const;
export type HolidayName = (typeof HolidayName)[number];

export interface Holiday {
  date: string;
  naam: HolidayName;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The King's (before 2014 the Queen's) day: moved to the Saturday before when it falls on a Sunday (rule since 1980). */
function royalDay(year: number): Holiday {
  const naam = year >= 2014 ? 'Koningsdag' : 'Koninginnedag';
  const day = isoDate(year, 4, year >= 2014 ? 27 : 30);
  return { date: dayOfWeek(day) === 0 ? addDays(day, -1) : day, naam };
}

/** All holidays of a year, in date order. */
export function holidaysOf(year: number): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), naam: 'Nieuwjaarsdag' },
    { date: easter, naam: 'Eerste Paasdag' },
    { date: addDays(easter, 1), naam: 'Tweede Paasdag' },
    royalDay(year),
    { date: addDays(easter, 39), naam: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), naam: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), naam: 'Tweede Pinksterdag' },
    { date: isoDate(year, 12, 25), naam: 'Eerste Kerstdag' },
    { date: isoDate(year, 12, 26), naam: 'Tweede Kerstdag' },
  ];
  if (year % 5 === 0) list.push({ date: isoDate(year, 5, 5), naam: 'Bevrijdingsdag' });
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const cache = new Map<number, Holiday[]>();

function cachedHolidaysOf(year: number): Holiday[] {
  let list = cache.get(year);
  if (!list) {
    list = holidaysOf(year);
    cache.set(year, list);
  }
  return list;
}

/** Holidays on a date; usually none, sometimes two (Hemelvaartsdag on 5 May 2005). */
export function holidaysOn(date: string): Holiday[] {
  return cachedHolidaysOf(Number(date.slice(0, 4))).filter((h) => h.date === date);
}

export function isHoliday(date: string): boolean {
  return holidaysOn(date).length > 0;
}
