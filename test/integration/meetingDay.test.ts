import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingView } from '../../shared/meetings.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { atInstant } from '../support/tafelServer.ts';

const PLAN = { date: '2027-01-14', time: '10:00', durationMinutes: 90, place: 'Wijkcentrum De Schoof', participants: ['moeder', 'raad'] };

/**
 * A Tafel begins on the day it was planned for or later, never before; its decision is dated on the
 * day it was held (in the Netherlands), not the day it was planned for.
 */
describe('the day of a Tafel', () => {
  const { server, api: as } = signedInTafel(['regisseur', 'moeder', 'raad']);
  let base = '';
  const view = async (who: string) => (await (await as(who, 'GET', base)).json()) as MeetingView;

  beforeAll(async () => {
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', PLAN);
    expect(res.status).toBe(201);
    base = `/api/cases/demo/meetings/${((await res.json()) as { id: string }).id}`;
  });

  it('the evening before (23:00 in Almere, 22:00 UTC) the chair cannot begin it, and is told why in Dutch', async () => {
    await atInstant(server, '2027-01-13T22:00:00Z', async () => {
      const res = await as('regisseur', 'POST', `${base}/start`);
      expect(res.status).toBe(409);
      const message = 'Deze tafel is gepland op 14 januari 2027. Je kunt hem pas op die dag beginnen.';
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(message);
      const v = await view('regisseur');
      expect([v.status, v.startedAt, v.startBlocked]).toEqual(['gepland', null, message]);
    });
  });

  it('held two days late, just after midnight in Almere: the decision is dated that day, not the planned one nor the UTC one', async () => {
    // 23:30 UTC on the 15th is 00:30 on the 16th in Almere.
    await atInstant(server, '2027-01-15T23:30:00Z', async () => {
      expect((await view('regisseur')).startBlocked).toBeNull();
      expect((await as('regisseur', 'POST', `${base}/start`)).status).toBe(200);
      for (const userId of ['moeder', 'raad', 'regisseur']) expect((await as('regisseur', 'POST', `${base}/attendance`, { userId, presence: 'aanwezig' })).status).toBe(200);
      expect((await as('raad', 'POST', `${base}/decision`, { keuze: 'vrijwillig', onderbouwing: 'De ouders werken goed mee.' })).status).toBe(200);
    });
    const { decision } = await view('moeder');
    const datum = await server.tafel.services.documents.read('demo/besluit', (doc) => {
      for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
        const data = node instanceof Y.XmlElement ? (node.getAttribute('data') as unknown as { id?: string; datum?: string }) : undefined;
        if (data && data.id === decision?.blockId) return data.datum;
      }
      return undefined;
    });
    expect(datum).toBe('2027-01-16');
    // The family's home reads the decision with that date.
    const home = (await (await as('moeder', 'GET', '/api/cases/demo/home')).json()) as { decisions: { datum: string; keuze: string }[] };
    expect(home.decisions[0]).toMatchObject({ datum: '2027-01-16', keuze: 'vrijwillig' });
    // Closed, the minutes in the copy of the file are of the day it was held.
    expect((await as('regisseur', 'POST', `${base}/close`, { share: [] })).status).toBe(200);
    const copy = await (await as('moeder', 'GET', '/api/cases/demo/export')).text();
    expect(copy).toContain('Jeugdbeschermingstafel van 16 januari 2027');
    expect(copy).not.toContain('Jeugdbeschermingstafel van 14 januari 2027');
  });

  it('a chair who recorded herself before the start keeps what she recorded', async () => {
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', PLAN);
    const other = `/api/cases/demo/meetings/${((await res.json()) as { id: string }).id}`;
    expect((await as('regisseur', 'POST', `${other}/attendance`, { userId: 'regisseur', presence: 'telefonisch' })).status).toBe(200);
    await atInstant(server, '2027-01-14T08:30:00Z', async () => expect((await as('regisseur', 'POST', `${other}/start`)).status).toBe(200));
    const v = (await (await as('regisseur', 'GET', other)).json()) as MeetingView;
    expect(v.invitees.find((i) => i.userId === 'regisseur')?.presence).toBe('telefonisch');
  });
});
