import { describe, expect, it } from 'vitest';
import { may, type Viewer } from './may.ts';

const as = (role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({ userId: `u-${role}`, role, organisationId: 'org-a', personId: null, ...extra });

describe('may: asking to destroy the file', () => {
  it('is for a parent, and for the young person only from 16', () => {
    expect(may(as('ouder'), 'request-destruction', { ownRights: false }).ok).toBe(true);
    expect(may(as('jeugdige'), 'request-destruction', { ownRights: true }).ok).toBe(true);
    expect(may(as('jeugdige'), 'request-destruction', { ownRights: false })).toMatchObject({ ok: false, reason: expect.stringContaining('Vanaf 16 jaar') });
    for (const role of ['netwerk', 'regisseur', 'veilig_thuis'] as const) expect(may(as(role), 'request-destruction', { ownRights: true }).ok, role).toBe(false);
  });

  it('the family reads its own requests; professionals read every one', () => {
    expect(may(as('ouder'), 'read-destruction-request', { filedBy: 'u-ouder' }).ok).toBe(true);
    expect(may(as('ouder', { userId: 'u-vader' }), 'read-destruction-request', { filedBy: 'u-ouder' }).ok).toBe(false);
    expect(may(as('gi'), 'read-destruction-request', { filedBy: 'u-ouder' }).ok).toBe(true);
  });

  it('the regisseur answers and holds; not under emergency access, and nobody else', () => {
    for (const action of ['answer-destruction', 'hold-case'] as const) {
      expect(may(as('regisseur'), action, null).ok).toBe(true);
      expect(may(as('regisseur', { emergency: { until: '2030-01-01' } }), action, null).ok).toBe(false);
      for (const role of ['veilig_thuis', 'raad', 'ouder'] as const) expect(may(as(role), action, null).ok, `${role} ${action}`).toBe(false);
    }
  });
});

describe('may: a beheerder keeps her organisation’s term and holds its cases', () => {
  const keeper = { userId: 'u-beheer', keeps: ['org-a'] };
  it('sets the term of her own organisation only', () => {
    expect(may(keeper, 'set-retention-term', { organisationId: 'org-a' }).ok).toBe(true);
    expect(may(keeper, 'set-retention-term', { organisationId: 'org-b' }).ok).toBe(false);
  });
  it('holds a case her organisation takes part in, no other', () => {
    expect(may(keeper, 'keep-hold', { organisations: ['org-b', 'org-a'] }).ok).toBe(true);
    expect(may(keeper, 'keep-hold', { organisations: ['org-b'] }).ok).toBe(false);
    expect(may({ userId: 'u-x', keeps: [] }, 'keep-hold', { organisations: ['org-a'] }).ok).toBe(false);
  });
});
