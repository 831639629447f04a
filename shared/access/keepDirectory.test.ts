import { describe, expect, it } from 'vitest';
import { may, type Viewer } from './may.ts';

const keeperOfA = { userId: 'u-beheer-a', keeps: ['org-a'] };

describe('may: a beheerder keeps the directory', () => {
  it('adds and changes professionals of its own organisation', () => {
    expect(may(keeperOfA, 'keep-directory', { organisationId: 'org-a' })).toEqual({ ok: true });
    expect(may(keeperOfA, 'keep-directory', { organisationId: 'org-a', account: { organisationId: 'org-a', professional: true } })).toEqual({ ok: true });
  });

  it('does not touch another organisation, nor its people', () => {
    expect(may(keeperOfA, 'keep-directory', { organisationId: 'org-b' }).ok).toBe(false);
    expect(may(keeperOfA, 'keep-directory', { organisationId: 'org-a', account: { organisationId: 'org-b', professional: true } })).toEqual({
      ok: false,
      reason: 'Dit e-mailadres hoort bij een professional van een andere organisatie.',
    });
  });

  it('does not turn an account outside the directory (a parent) into a professional', () => {
    expect(may(keeperOfA, 'keep-directory', { organisationId: 'org-a', account: { organisationId: null, professional: false } }).ok).toBe(false);
  });

  it('keeps nothing without being a beheerder', () => {
    expect(may({ userId: 'u-x', keeps: [] }, 'keep-directory', { organisationId: 'org-a' }).ok).toBe(false);
  });
});

describe('may: closing a case', () => {
  it('is the regisseur’s', () => {
    const as = (role: Viewer['role']): Viewer => ({ userId: `u-${role}`, role, organisationId: 'org', personId: null });
    expect(may(as('regisseur'), 'close-case', null).ok).toBe(true);
    expect(may(as('gi'), 'close-case', null).ok).toBe(false);
    expect(may(as('ouder'), 'close-case', null).ok).toBe(false);
  });
});
