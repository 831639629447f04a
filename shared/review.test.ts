import { describe, expect, it } from 'vitest';
import { werkdagenBetween } from './calendar/werkdagen.ts';
import { REACTION_WERKDAGEN, reactionDeadline } from './review.ts';

describe('reactionDeadline over the Christmas week of 2026', () => {
  // 25 and 26 December 2026 are a Friday and a Saturday; 1 January 2027 is a Friday.
  it.each([
    ['2026-12-21', '2026-12-29'], // Mon: 22, 23, 24, (25 Eerste Kerstdag, weekend), 28, 29
    ['2026-12-23', '2026-12-31'], // Wed: 24, 28, 29, 30, 31
    ['2026-12-24', '2027-01-04'], // Thu: 28, 29, 30, 31, (1 januari, weekend), 4
    ['2026-12-25', '2027-01-04'], // shared on the holiday itself: the day does not count
    ['2026-12-28', '2027-01-05'], // Mon: 29, 30, 31, 4, 5
    ['2026-12-31', '2027-01-08'], // Thu: 4, 5, 6, 7, 8
  ])('shared on %s: the family can react through %s', (sharedOn, until) => {
    expect(reactionDeadline(sharedOn)).toBe(until);
    expect(werkdagenBetween(sharedOn, until)).toBe(REACTION_WERKDAGEN);
  });

  it('a normal week is five werkdagen later', () => {
    expect(reactionDeadline('2026-11-24')).toBe('2026-12-01');
  });
});
