import { describe, expect, it } from 'vitest';
import { ApiError, Confirmation } from '../../shared/api.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { requestAs, storesToTry } from '../support/tafelServer.ts';

const AGREEMENT = { sectionId: 'veiligheidsplan', blockId: 'afspraak-geen-alcohol' };

describe.each(storesToTry('confirmations'))('confirming a safety agreement ($store)', ({ options }) => {
  const { server, cookie } = signedInTafel(['regisseur', 'gi', 'moeder', 'vader'], options);
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const confirmationsFor = async (who: string) => Confirmation.array().parse(await (await as(who, 'GET', '/api/cases/demo/confirmations')).json());

  it('someone the agreement does not name cannot confirm it, and nothing is stored', async () => {
    const res = await as('gi', 'POST', '/api/cases/demo/confirmations', AGREEMENT);
    expect(res.status).toBe(403);
    expect(ApiError.parse(await res.json()).error.message).toBe('Alleen wie in de afspraak genoemd wordt, kan die bevestigen.');
    expect(await confirmationsFor('regisseur')).toEqual([]);
  });

  it('an agreement that is not in the section is not found', async () => {
    const res = await as('moeder', 'POST', '/api/cases/demo/confirmations', { ...AGREEMENT, blockId: 'afspraak-bestaat-niet' });
    expect(res.status).toBe(404);
  });

  it('a party confirms once; confirming again keeps the first', async () => {
    const first = Confirmation.parse(await (await as('moeder', 'POST', '/api/cases/demo/confirmations', AGREEMENT)).json());
    expect(first).toMatchObject({ ...AGREEMENT, userId: 'moeder', name: 'Sanne de Groot' });
    expect((await as('moeder', 'POST', '/api/cases/demo/confirmations', AGREEMENT)).status).toBe(200);
    const stored = (await confirmationsFor('vader')).filter((c) => c.userId === 'moeder');
    expect(stored).toEqual([{ ...AGREEMENT, userId: 'moeder', name: 'Sanne de Groot', at: first.at }]);
  });

  it('a confirmation keeps the name of who gave it after they have left the case', async () => {
    expect((await as('regisseur', 'DELETE', '/api/cases/demo/participants/moeder')).status).toBe(200);
    const hers = (await confirmationsFor('vader')).find((c) => c.userId === 'moeder');
    expect(hers?.name).toBe('Sanne de Groot');
  });
});
