import { describe, expect, it } from 'vitest';
import type { Consent } from '../../shared/caseModel.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { requestAs } from '../support/tafelServer.ts';

const REASON = 'Artikel 7.3.11 Jeugdwet: nodig om de veiligheid van Noa en Daan te beoordelen.';

describe('a legal ground that opens the father’s GGZ section', () => {
  const { server, cookie: cookies } = signedInTafel(['moeder', 'vader', 'raad', 'gi', 'gw', 'regisseur']);
  const ground = (who: string, grantee: object, reason = REASON) =>
    requestAs(server.http, cookies[who]!, 'POST', '/api/cases/demo/consents', { sectionId: 'ggz-murat', basis: 'wettelijke_grond', grantee, reason });
  const sees = async (who: string) => {
    const res = await requestAs(server.http, cookies[who]!, 'GET', '/api/cases/demo');
    return ((await res.json()) as { sections: { id: string }[] }).sections.some((x) => x.id === 'ggz-murat');
  };

  it('the Raad cannot open it to the other parent, nor the GI to the network', async () => {
    const toParent = await ground('raad', { kind: 'role', role: 'ouder' });
    expect(toParent.status).toBe(403);
    expect(((await toParent.json()) as { error: { message: string } }).error.message).toMatch(/alleen voor professionals/);
    expect((await ground('gi', { kind: 'role', role: 'netwerk' })).status).toBe(403);
    expect((await ground('regisseur', { kind: 'person', personId: 'p-sanne' })).status).toBe(403);
    expect(await sees('moeder')).toBe(false);
  });

  it('the gedragswetenschapper records none, and a ground needs a sentence', async () => {
    expect((await ground('gw', { kind: 'role', role: 'gi' })).status).toBe(403);
    const short = await ground('regisseur', { kind: 'role', role: 'gi' }, 'wet');
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { field: string } }).error.field).toBe('reason');
  });

  it('the Raad opens it to an organisation not yet in the case, with a reason; the father sees that at once, in "Wie kan dit zien" and in his log', async () => {
    // Every professional reads it by role: a ground would open it to no one, and is refused.
    expect((await ground('raad', { kind: 'role', role: 'gi' })).status).toBe(409);
    // Nor does one open it where the regisseur took the GI's access away: the revocation goes before it.
    const closed = await requestAs(server.http, cookies.regisseur!, 'POST', '/api/cases/demo/grants', { sectionId: 'ggz-murat', userId: 'gi', level: 'none', reason: 'Niet nodig voor de GI.' });
    expect(closed.status).toBe(200);
    expect((await ground('raad', { kind: 'role', role: 'gi' })).status).toBe(409);
    const res = await ground('raad', { kind: 'organisation', organisationId: 'ggz-behandelaar-flevoland' });
    expect(res.status).toBe(200);
    const consents = (await (await requestAs(server.http, cookies.vader!, 'GET', '/api/cases/demo/consents')).json()) as Consent[];
    expect(consents).toContainEqual(expect.objectContaining({ sectionInstanceId: 'ggz-murat', basis: 'wettelijke_grond', reason: REASON }));
    const log = (await (await requestAs(server.http, cookies.vader!, 'GET', '/api/cases/demo/audit')).json()) as { entries: { event: string; sectionId: string | null }[] };
    expect(log.entries).toContainEqual(expect.objectContaining({ event: 'toestemming-gegeven', sectionId: 'ggz-murat' }));
    // The mother still cannot read it: a legal ground for the GI is not one for her.
    expect(await sees('moeder')).toBe(false);
  });
});
