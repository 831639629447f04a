import { describe, expect, it } from 'vitest';
import { confirmedLine, familyList, homePath, taskWhen } from './familyHome.ts';

const now = new Date('2026-12-03T14:00:00Z');

describe('how a task on the family home says when', () => {
  it('a date to come is "uiterlijk", never a bare "klaar op" that reads as done; the year only when it is not this year', () => {
    expect(taskWhen({ deadline: '2026-12-12', overdue: false }, now)).toBe('Uiterlijk klaar op 12 december');
    expect(taskWhen({ deadline: '2027-02-12', overdue: false }, now)).toBe('Uiterlijk klaar op 12 februari 2027');
    expect(taskWhen({ deadline: '2026-11-14', overdue: true }, now)).toBe('Te laat: dit moest klaar zijn op 14 november');
    expect(taskWhen({ deadline: null, overdue: false }, now)).toBe('Geen einddatum');
  });

  it('after "Ik ga akkoord" it says that I agreed and when, with the year when that was another year', () => {
    expect(confirmedLine('2026-12-03T14:42:00Z', now)).toBe('Je bent akkoord gegaan op 3 dec, 15:42.');
    expect(confirmedLine('2025-12-30T09:00:00Z', now)).toBe('Je bent akkoord gegaan op 30 dec 2025, 10:00.');
  });
});

describe('where Tafel starts', () => {
  it('is Thuis for a family member in one case, the list for professionals and for several cases', () => {
    expect(homePath([{ id: 'demo', myRole: 'ouder' }])).toBe('/zaken/demo/thuis');
    expect(homePath([{ id: 'demo', myRole: 'regisseur' }])).toBe('/');
    expect(homePath([{ id: 'a', myRole: 'ouder' }, { id: 'b', myRole: 'ouder' }])).toBe('/');
    expect(homePath([])).toBe('/');
  });

  it('a family member in several cases gets the family list, not the professional caseload', () => {
    expect(familyList([{ myRole: 'ouder' }, { myRole: 'netwerk' }])).toBe(true);
    expect(familyList([{ myRole: 'ouder' }, { myRole: 'ouder' }, { myRole: 'jeugdige' }])).toBe(true);
    // In one case, her Tafel is its Thuis (homePath).
    expect(familyList([{ myRole: 'jeugdige' }])).toBe(false);
    expect(familyList([{ myRole: 'regisseur' }, { myRole: 'gi' }])).toBe(false);
    // A professional who is also family somewhere keeps the caseload of their work.
    expect(familyList([{ myRole: 'ouder' }, { myRole: 'regisseur' }])).toBe(false);
    expect(familyList([])).toBe(false);
  });
});
