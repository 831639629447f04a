import { describe, expect, it } from 'vitest';
import { may, type Viewer } from './may.ts';

const eva: Viewer = { userId: 'regisseur', role: 'regisseur', organisationId: 'lokaal-team', personId: null };
const lotte: Viewer = { userId: 'gw', role: 'gedragswetenschapper', organisationId: 'gw-org', personId: null };
const sanne: Viewer = { userId: 'moeder', role: 'ouder', organisationId: 'gezin', personId: 'p-sanne' };
const murat: Viewer = { userId: 'vader', role: 'ouder', organisationId: 'gezin', personId: 'p-murat' };

describe('who may close a comment thread', () => {
  it("the mother closes her own reaction, not a professional's question nor the father's reaction", () => {
    expect(may(sanne, 'resolve-thread', { startedBy: 'moeder', level: 'comment' }).ok).toBe(true);
    expect(may(sanne, 'resolve-thread', { startedBy: 'regisseur', level: 'comment' }).ok).toBe(false);
    expect(may(murat, 'resolve-thread', { startedBy: 'moeder', level: 'comment' }).ok).toBe(false);
  });

  it('a professional who writes the section closes any thread; one who only comments, her own', () => {
    expect(may(eva, 'resolve-thread', { startedBy: 'moeder', level: 'edit' }).ok).toBe(true);
    expect(may(lotte, 'resolve-thread', { startedBy: 'regisseur', level: 'comment' }).ok).toBe(false);
    expect(may(lotte, 'resolve-thread', { startedBy: 'gw', level: 'comment' }).ok).toBe(true);
  });

  it('nobody closes a thread in a section they only read, not even their own', () => {
    expect(may(sanne, 'resolve-thread', { startedBy: 'moeder', level: 'read' }).ok).toBe(false);
  });
});

describe('who may be named as party of an agreement', () => {
  const oma = { naam: 'Oma Ria', userId: 'oma' };
  const moeder = { naam: 'Sanne', userId: 'moeder' };

  it('only who can read the section; the refusal names the party and the field', () => {
    expect(may(eva, 'name-parties', { parties: [moeder], readers: ['regisseur', 'moeder'] }).ok).toBe(true);
    const refused = may(eva, 'name-parties', { parties: [moeder, oma], readers: ['regisseur', 'moeder'] });
    expect(refused).toMatchObject({ ok: false, field: 'partijen' });
    expect(refused.ok ? '' : refused.reason).toMatch(/^Oma Ria kan dit onderdeel niet lezen en kan de afspraak dus niet bevestigen\./);
  });

  it('a party without an account (named by name only) is not checked', () => {
    expect(may(eva, 'name-parties', { parties: [{ naam: 'Oom Emre', userId: null }], readers: [] }).ok).toBe(true);
  });
});
