import { describe, expect, it } from 'vitest';
import { BirthDate, ownRightsFrom } from './ownRights.ts';

describe('ownRightsFrom', () => {
  it('is the start of the 16th birthday', () => {
    expect(ownRightsFrom('2010-03-15')).toBe('2026-03-15T00:00:00.000Z');
    expect(ownRightsFrom('2011-12-31')).toBe('2027-12-31T00:00:00.000Z');
  });

  it('keeps 29 February, which falls 16 years later again', () => {
    expect(ownRightsFrom('2012-02-29')).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('BirthDate', () => {
  it('takes a calendar date only', () => {
    expect(BirthDate.safeParse('2011-06-03').success).toBe(true);
    expect(BirthDate.safeParse('2011').success).toBe(false);
    expect(BirthDate.safeParse('2011-06-03T00:00:00Z').success).toBe(false);
  });
});
