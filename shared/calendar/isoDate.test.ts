import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInNetherlands, dayNumber, dayOfWeek, daysBetween } from './isoDate.ts';

describe('isoDate arithmetic (UTC day numbers, no time-zone drift)', () => {
  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // clocks go forward on 29 March 2026
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // clocks go back on 25 October 2026
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-10-01', 3)).toBe('2027-01-01');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', -12)).toBe('2025-11-30');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });

  it('knows the weekday and counts days', () => {
    expect(dayOfWeek('2026-12-25')).toBe(5); // Friday
    expect(daysBetween('2026-09-28', '2026-11-09')).toBe(42);
    expect(daysBetween('2026-11-09', '2026-09-28')).toBe(-42);
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2026-2-3')).toThrow(RangeError);
    expect(() => addDays('24-11-2026', 1)).toThrow(RangeError);
  });

  it('today in the Netherlands is the Amsterdam calendar day, not the UTC one', () => {
    expect(dateInNetherlands(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24'); // 00:30 in winter
    expect(dateInNetherlands(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 in summer
    expect(dateInNetherlands(new Date('2026-11-24T12:00:00Z'))).toBe('2026-11-24');
  });
});
