import { describe, expect, it } from 'vitest';
import { BirthDate, ownRightsFrom } from './ownRights.ts';

describe('ownRightsFrom', () => {
  it('is midnight of the 16th birthday in the Netherlands, in winter and in summer time', () => {
    expect(ownRightsFrom('2010-03-15')).toBe('2026-03-14T23:00:00.000Z');
    expect(ownRightsFrom('2011-12-31')).toBe('2027-12-30T23:00:00.000Z');
    expect(ownRightsFrom('2010-07-01')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // 29 March and 25 October 2026 are the last Sundays of March and October.
    expect(ownRightsFrom('2010-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(ownRightsFrom('2010-10-25')).toBe('2026-10-24T22:00:00.000Z');
  });

  it('keeps 29 February, which falls 16 years later again', () => {
    expect(ownRightsFrom('2012-02-29')).toBe('2028-02-28T23:00:00.000Z');
  });
});

describe('BirthDate', () => {
  it('takes a calendar date only', () => {
    expect(BirthDate.safeParse('2011-06-03').success).toBe(true);
    expect(BirthDate.safeParse('2011').success).toBe(false);
    expect(BirthDate.safeParse('2011-06-03T00:00:00Z').success).toBe(false);
    // A day that does not exist would otherwise roll over into the next month.
    expect(BirthDate.safeParse('2011-02-30').success).toBe(false);
  });
});
