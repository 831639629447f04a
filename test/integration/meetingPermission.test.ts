import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { signIn } from '../support/tafelServer.ts';

const PLAN = { date: '2027-01-14', time: '10:00', durationMinutes: 90, place: 'Wijkcentrum De Schoof', participants: ['moeder', 'raad'] };

/**
 * Someone who may not plan, lead or decide a Tafel gets the same answer whatever body they send:
 * how the server reads a body is told only to who may do what it asks.
 */
describe('a Tafel route refuses before it reads the body', () => {
  const { server, cookie, api: as } = signedInTafel(['regisseur', 'moeder', 'vt']);
  let meetingId = '';
  const answer = async (res: Response) => ({ status: res.status, body: await res.text() });

  beforeAll(async () => {
    const { sql, directory } = server.tafel.services;
    await sql.db.insertInto('users').values({ id: 'u-buiten', email: 'buiten@example.nl', name: 'Bram Buiten', password_hash: await hashPassword('een-lang-wachtwoord'), created_at: new Date().toISOString() }).execute();
    await directory.setProfessional('u-buiten', 'gi', 'jeugdbescherming-flevoland');
    cookie.buiten = await signIn(server.http, 'buiten@example.nl', 'een-lang-wachtwoord');
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', PLAN);
    expect(res.status).toBe(201);
    meetingId = ((await res.json()) as { id: string }).id;
  });

  const routes = () => [
    { path: '/api/cases/demo/meetings', good: PLAN, bad: { ...PLAN, durationMinutes: 500, place: '' } },
    { path: `/api/cases/demo/meetings/${meetingId}/current`, good: { itemId: null }, bad: { itemId: 'geen item' } },
    { path: `/api/cases/demo/meetings/${meetingId}/attendance`, good: { userId: 'moeder', presence: 'aanwezig' }, bad: { userId: 'moeder', presence: 'misschien' } },
    { path: `/api/cases/demo/meetings/${meetingId}/attendance/rest`, good: { presence: 'aanwezig' }, bad: { presence: 'misschien' } },
    { path: `/api/cases/demo/meetings/${meetingId}/notes`, good: { itemId: 'item-opening', text: 'Welkom.' }, bad: { itemId: 'item-opening', text: 'x'.repeat(6000) } },
    { path: `/api/cases/demo/meetings/${meetingId}/close`, good: { share: [] }, bad: { share: 'alles' } },
  ];

  it('a family member gets 403 for a malformed body as for a good one, never the field that is wrong', async () => {
    for (const { path, good, bad } of routes()) {
      const [g, b] = [await answer(await as('moeder', 'POST', path, good)), await answer(await as('moeder', 'POST', path, bad))];
      expect(b.status, path).toBe(403);
      expect(b, path).toEqual(g);
      expect(b.body, path).not.toContain('field');
    }
    const items = { items: [{ id: 'item-x', kind: 'anders', title: '', sectionId: null, minutes: 0 }] };
    const agenda = await as('moeder', 'PUT', `/api/cases/demo/meetings/${meetingId}/agenda`, items);
    expect(agenda.status).toBe(403);
    expect(await agenda.text()).not.toContain('field');
  });

  it('who is not the Raad gets 403 for a malformed decision, not what is wrong with it', async () => {
    const path = `/api/cases/demo/meetings/${meetingId}/decision`;
    const good = await answer(await as('vt', 'POST', path, { keuze: 'drang', onderbouwing: 'De afspraken zijn niet nagekomen.' }));
    const bad = await answer(await as('vt', 'POST', path, { keuze: 'iets anders' }));
    expect(bad.status).toBe(403);
    expect(bad).toEqual(good);
  });

  it('someone outside the case gets 404 for any body: the Tafel does not exist for them', async () => {
    for (const { path, good, bad } of routes()) {
      const [g, b] = [await answer(await as('buiten', 'POST', path, good)), await answer(await as('buiten', 'POST', path, bad))];
      expect(b.status, path).toBe(404);
      expect(b, path).toEqual(g);
    }
  });

  it('the regisseur still hears which field of her plan is wrong', async () => {
    const res = await as('regisseur', 'POST', '/api/cases/demo/meetings', { ...PLAN, durationMinutes: 500 });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('durationMinutes');
  });
});
