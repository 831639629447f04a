import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/api.ts';
import { signedInTafel } from '../support/signedInTafel.ts';

/** Sharing a section offers only whom it would still open it to, by the one access policy. */
describe('whom a section about yourself can still be shared with', () => {
  const { api, server } = signedInTafel(['moeder', 'vader', 'oma', 'raad', 'regisseur']);
  const section = async (who: string, id: string) => {
    const detail = (await (await api(who, 'GET', '/api/cases/demo')).json()) as CaseDetail;
    const found = detail.sections.find((s) => s.id === id);
    if (!found) throw new Error(`${who} cannot see ${id}`);
    return found;
  };

  /** What a share writes: the consents, the audit entries and the notices of the case. */
  const written = async () => {
    const { db } = server.tafel.services.sql;
    return {
      consents: await db.selectFrom('consents').select('id').where('case_id', '=', 'demo').execute(),
      audit: await db.selectFrom('audit_events').select('id').where('case_id', '=', 'demo').where('event', '=', 'toestemming-gegeven').execute(),
      notices: await (await api('vader', 'GET', '/api/notices')).json(),
    };
  };
  const refused = async (res: Response) => [res.status, ((await res.json()) as { error: { code: string; message: string } }).error];
  const ALREADY_READS = { code: 'conflict', message: 'Dit deel is niet gedeeld: wie je het wilt laten lezen, kan het al lezen, of de regisseur heeft die toegang ingetrokken.' };

  it('a consent sent past the page for someone who already reads the section is refused, and nothing is written', async () => {
    const before = await written();
    // The father reads the mother’s reaction already; the page does not offer him. The request does.
    const forFather = await api('moeder', 'POST', '/api/cases/demo/consents', { sectionId: 'reactie-besluit-sanne', basis: 'toestemming', grantee: { kind: 'person', personId: 'p-murat' } });
    expect(await refused(forFather)).toEqual([409, ALREADY_READS]);
    // Nor a legal ground for a role that reads the father’s GGZ section by role.
    const forGi = await api('regisseur', 'POST', '/api/cases/demo/consents', { sectionId: 'ggz-murat', basis: 'wettelijke_grond', grantee: { kind: 'role', role: 'gi' }, reason: 'Nodig voor het onderzoek van de GI.' });
    expect(await refused(forGi)).toEqual([409, ALREADY_READS]);
    expect(await written()).toEqual(before);
  });

  it('the mother’s reaction is offered only to oma Ria, the one person who cannot read it yet', async () => {
    const reaction = await section('moeder', 'reactie-besluit-sanne');
    const readers = new Set(reaction.visibleTo.map((v) => v.userId));
    expect(readers.has('regisseur') && readers.has('vt') && readers.has('gi') && readers.has('vader')).toBe(true);
    expect(reaction.shareWith).toEqual({ persons: ['p-ria'], consentRoles: [], legalGroundRoles: [] });
  });

  it('once she shares it with Ria nobody is left to offer, and Ria reads it', async () => {
    const given = await api('moeder', 'POST', '/api/cases/demo/consents', { sectionId: 'reactie-besluit-sanne', basis: 'toestemming', grantee: { kind: 'person', personId: 'p-ria' } });
    expect(given.status).toBe(200);
    expect((await section('moeder', 'reactie-besluit-sanne')).shareWith.persons).toEqual([]);
    expect((await section('oma', 'reactie-besluit-sanne')).access).toBe('read');
  });

  it('a legal ground is offered for no role on the father’s GGZ section: each reads it by role, and a revocation goes before a ground', async () => {
    expect((await section('regisseur', 'ggz-murat')).shareWith.legalGroundRoles).toEqual([]);
    const revoked = await api('regisseur', 'POST', '/api/cases/demo/grants', { sectionId: 'ggz-murat', userId: 'gi', level: 'none', reason: 'Niet nodig voor de GI.' });
    expect(revoked.status).toBe(200);
    // A ground for the GI would open nothing (the grant of `none` wins), so it is neither offered nor taken.
    expect((await section('regisseur', 'ggz-murat')).shareWith.legalGroundRoles).toEqual([]);
    const before = await written();
    const forGi = await api('raad', 'POST', '/api/cases/demo/consents', { sectionId: 'ggz-murat', basis: 'wettelijke_grond', grantee: { kind: 'role', role: 'gi' }, reason: 'Nodig voor het onderzoek van de GI.' });
    expect(await refused(forGi)).toEqual([409, ALREADY_READS]);
    expect(await written()).toEqual(before);
  });

  it('a consent that ends can be renewed before it ends; the same consent again cannot', async () => {
    const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const share = (until: string | null) =>
      api('vader', 'POST', '/api/cases/demo/consents', { sectionId: 'reactie-besluit-murat', basis: 'toestemming', grantee: { kind: 'role', role: 'netwerk' }, until });
    expect((await share(days(3))).status).toBe(200);
    // Oma reads it for three more days; a consent until later keeps it open after that.
    expect((await section('oma', 'reactie-besluit-murat')).access).toBe('read');
    expect((await share(days(60))).status).toBe(200);
    expect(await refused(await share(days(30)))).toEqual([409, ALREADY_READS]);
  });
});
