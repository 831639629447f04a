import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol.ts';
import { connectSection, within } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

describe('invitations and removal', () => {
  let server: RunningTafel;
  let regisseur: string;

  const post = (path: string, body: unknown, cookie = regisseur) =>
    fetch(`${server.http}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const invite = async (body: object, cookie = regisseur) => {
    const res = await post('/api/cases/demo/invitations', body, cookie);
    return { status: res.status, json: (await res.json()) as { link?: string; error?: { message: string } } };
  };
  const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;

  beforeAll(async () => {
    server = await startTafel();
    regisseur = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(() => server?.close());

  it('a one-time link lets a new professional set a password and join with the given role', async () => {
    const { status, json } = await invite({ name: 'Joost Smit', email: 'joost@example.nl', role: 'gi', organisationId: 'jeugdbescherming-flevoland' });
    expect(status).toBe(200);
    const token = tokenOf(json.link!);
    const info = await (await fetch(`${server.http}/api/invitations/${token}`)).json();
    expect(info).toEqual({ caseTitle: 'Gezin De Groot – Yilmaz', name: 'Joost Smit', email: 'joost@example.nl', role: 'gi' });

    const tooShort = await post(`/api/invitations/${token}`, { password: 'kort' }, '');
    expect(tooShort.status).toBe(400);
    const accepted = await post(`/api/invitations/${token}`, { password: 'een-lang-wachtwoord' }, '');
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const cases = (await (await fetch(`${server.http}/api/cases`, { headers: { cookie } })).json()) as { id: string; myRole: string }[];
    expect(cases).toEqual([expect.objectContaining({ id: 'demo', myRole: 'gi' })]);

    const again = await post(`/api/invitations/${token}`, { password: 'een-lang-wachtwoord' }, '');
    expect(again.status).toBe(410);
    expect(await signIn(server.http, 'joost@example.nl', 'een-lang-wachtwoord')).toMatch(/^tafel_session=/);
  });

  it('only the regisseur invites, and a family member must say which person they are', async () => {
    const vt = await signIn(server.http, demoEmail('vt'));
    expect((await invite({ name: 'X', email: 'x@example.nl', role: 'gi', organisationId: 'x' }, vt)).status).toBe(403);
    const noPerson = await invite({ name: 'Oom Emre', email: 'emre@example.nl', role: 'netwerk', organisationId: 'gezin' });
    expect(noPerson.status).toBe(400);
    expect(noPerson.json.error?.message).toMatch(/gezinslid/);
  });

  it('an invitation for an existing account never signs the holder in without that account’s password', async () => {
    const { json } = await invite({ name: 'Karim', email: 'vt@demo.tafel', role: 'ouder', organisationId: 'gezin', personId: 'p-murat' });
    const token = tokenOf(json.link!);
    const hijack = await post(`/api/invitations/${token}`, { password: 'een-ander-wachtwoord' }, '');
    expect(hijack.status).toBe(401);
    expect(hijack.headers.get('set-cookie')).toBeNull();
  });

  it('removing a participant closes their open section and shuts the case for them', async () => {
    const oma = await signIn(server.http, demoEmail('oma'));
    const client = connectSection(server.ws, 'demo', 'veiligheidsplan', oma);
    await client.synced;
    const res = await fetch(`${server.http}/api/cases/demo/participants/oma`, { method: 'DELETE', headers: { cookie: regisseur } });
    expect(res.status).toBe(200);
    expect(await within(client.closed, 2000, 'the socket of the removed participant to close')).toBe(CloseCode.forbidden);
    expect((await fetch(`${server.http}/api/cases/demo`, { headers: { cookie: oma } })).status).toBe(404);
    client.destroy();
  });
});
