import { describe, expect, it } from 'vitest';
import { fitsFamilyRole } from './personRole.ts';

const adult = { kind: 'ouder' };
const child = { kind: 'kind' };
const grandmother = { kind: 'netwerk' };

describe('fitsFamilyRole', () => {
  it('invites an adult of the family as ouder, and no child or network member', () => {
    expect([adult, child, grandmother].map((p) => fitsFamilyRole(p, 'ouder'))).toEqual([true, false, false]);
  });

  it('invites a child as jeugdige only', () => {
    expect([adult, child, grandmother].map((p) => fitsFamilyRole(p, 'jeugdige'))).toEqual([false, true, false]);
  });

  it('invites a network member as netwerk only', () => {
    expect([adult, child, grandmother].map((p) => fitsFamilyRole(p, 'netwerk'))).toEqual([false, false, true]);
  });

  it('fits nobody to a professional role', () => {
    expect([adult, child, grandmother].some((p) => fitsFamilyRole(p, 'regisseur'))).toBe(false);
  });
});
