import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfessionalRole } from '../../shared/directory.ts';
import { CloseCode } from '../../shared/protocol.ts';
import type { Role } from '../../shared/roles.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { connectSection, within } from '../support/syncClient.ts';
import { demoEmail, ownOrigin, type RunningTafel, signIn, startTafel } from '../support/tafelServer.ts';

describe('invitations and removal', () => {
  let server: RunningTafel;
  let regisseur: string;

  const post = (path: string, body: unknown, cookie = regisseur) =>
    fetch(`${server.http}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...ownOrigin(server.http) }, body: JSON.stringify(body) });
  const invite = async (body: object, cookie = regisseur) => {
    const res = await post('/api/cases/demo/invitations', body, cookie);
    return { status: res.status, json: (await res.json()) as { link?: string; added?: boolean; mailed?: boolean; mail?: string; error?: { message: string } } };
  };
  const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;

  beforeAll(async () => {
    server = await startTafel();
    regisseur = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(() => server?.close());

  /** A professional the operator put in the directory (as `npm run beheer -- add` does). */
  async function directoryAccount(email: string, name: string, role: Role, organisationId: string, password: string): Promise<void> {
    const { sql, directory } = server.tafel.services;
    const id = `u-${email.split('@')[0]}`;
    await sql.db.insertInto('users').values({ id, email, name, password_hash: await hashPassword(password), created_at: new Date().toISOString() }).execute();
    await directory.setProfessional(id, role as ProfessionalRole, organisationId);
  }

  it('a professional from the directory is added at once, without a link, with the directory’s role and organisation', async () => {
    await directoryAccount('joost@example.nl', 'Joost Smit', 'gi', 'jeugdbescherming-flevoland', 'een-lang-wachtwoord');
    const { status, json } = await invite({ email: 'joost@example.nl' });
    expect(status).toBe(200);
    expect(json).toMatchObject({ added: true, mailed: false, mail: 'geen-smtp' });
    expect(json.link).toBeUndefined();
    const cookie = await signIn(server.http, 'joost@example.nl', 'een-lang-wachtwoord');
    const cases = (await (await fetch(`${server.http}/api/cases`, { headers: { cookie } })).json()) as { id: string; myRole: string }[];
    expect(cases).toEqual([expect.objectContaining({ id: 'demo', myRole: 'gi' })]);
    // Twice is once.
    expect((await invite({ email: 'joost@example.nl' })).status).toBe(409);
  });

  it('an invitation cannot hand out a professional role: an address outside the directory is refused', async () => {
    // The attack: invite a fresh address as Veilig Thuis, accept it oneself, read the melder.
    const forged = await invite({ name: 'Nep VT', email: 'nep-vt@example.nl', role: 'veilig_thuis', organisationId: 'veilig-thuis-flevoland' });
    expect(forged.status).toBe(422);
    expect(forged.json.error?.message).toMatch(/directory/);
    // Nor can the regisseur give her own account another role.
    const own = await invite({ email: 'regisseur@demo.tafel', role: 'veilig_thuis' });
    expect(own.status).toBe(400);
    expect(own.json.error?.message).toMatch(/Regisseur/);
    // A family invitation cannot go to a professional's account either.
    const asFamily = await invite({ name: 'Karim', email: 'vt@demo.tafel', role: 'ouder', personId: 'p-murat' });
    expect(asFamily.status).toBe(409);
  });

  it('a professional taken out of the directory is in no case any more', async () => {
    await directoryAccount('sam@example.nl', 'Sam de Wit', 'gi', 'jeugdbescherming-flevoland', 'een-lang-wachtwoord');
    expect((await invite({ email: 'sam@example.nl' })).json).toMatchObject({ added: true });
    const cookie = await signIn(server.http, 'sam@example.nl', 'een-lang-wachtwoord');
    const sections = async () => ((await (await fetch(`${server.http}/api/cases/demo`, { headers: { cookie } })).json()) as { sections: { id: string }[] }).sections.map((x) => x.id);
    expect(await sections()).not.toContain('r-melder');
    // Taken out of the directory: no longer in the case as a professional.
    await server.tafel.services.directory.removeProfessional('u-sam');
    expect((await fetch(`${server.http}/api/cases/demo`, { headers: { cookie } })).status).toBe(404);
  });

  it('only the regisseur invites, and a parent or child must say which person they are', async () => {
    const vt = await signIn(server.http, demoEmail('vt'));
    expect((await invite({ email: 'gi@demo.tafel' }, vt)).status).toBe(403);
    const noPerson = await invite({ name: 'Oom Emre', email: 'emre@example.nl', role: 'ouder' });
    expect(noPerson.status).toBe(400);
    expect(noPerson.json.error?.message).toMatch(/personId/);
    // The role follows who the person is: the grandmother is not invited as a parent.
    const wrongKind = await invite({ name: 'Ria', email: 'ria2@example.nl', role: 'ouder', personId: 'p-ria' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.error?.message).toMatch(/^personId: Deze persoon kan niet als ouder/);
  });

  it('a teacher who is not yet a person of the case is invited as netwerk: she becomes one, with her relation', async () => {
    const missing = await invite({ name: 'Juf Anouk', email: 'anouk@school.example', role: 'netwerk' });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.message).toMatch(/^relation: /);
    const { status, json } = await invite({ name: 'Juf Anouk', email: 'anouk@school.example', role: 'netwerk', relation: 'leerkracht van Daan' });
    expect(status).toBe(200);
    const persons = await server.tafel.services.cases.persons('demo');
    expect(persons.find((p) => p.name === 'Juf Anouk')).toMatchObject({ kind: 'netwerk', relation: 'leerkracht van Daan' });
    const accepted = await post(`/api/invitations/${tokenOf(json.link!)}`, { password: 'een-lang-wachtwoord' }, '');
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const cases = (await (await fetch(`${server.http}/api/cases`, { headers: { cookie } })).json()) as { id: string; myRole: string }[];
    expect(cases).toEqual([expect.objectContaining({ id: 'demo', myRole: 'netwerk' })]);
  });

  it('a family invitation makes a new account bound to a person of the case', async () => {
    const { json } = await invite({ name: 'Emre Yilmaz', email: 'emre@example.nl', role: 'netwerk', personId: 'p-ria' });
    const token = tokenOf(json.link!);
    const tooShort = await post(`/api/invitations/${token}`, { password: 'kort' }, '');
    expect(tooShort.status).toBe(400);
    const accepted = await post(`/api/invitations/${token}`, { password: 'een-lang-wachtwoord' }, '');
    expect(accepted.status).toBe(200);
    expect(await signIn(server.http, 'emre@example.nl', 'een-lang-wachtwoord')).toMatch(/^tafel_session=/);
  });

  it('an invitation for an existing account never signs the holder in without that account’s password', async () => {
    const { json } = await invite({ name: 'Sanne', email: 'moeder@demo.tafel', role: 'netwerk', personId: 'p-ria' });
    const token = tokenOf(json.link!);
    const hijack = await post(`/api/invitations/${token}`, { password: 'een-ander-wachtwoord' }, '');
    expect(hijack.status).toBe(401);
    expect(hijack.headers.get('set-cookie')).toBeNull();
  });

  it('removing a participant closes their open section and shuts the case for them', async () => {
    const oma = await signIn(server.http, demoEmail('oma'));
    const client = connectSection(server.ws, 'demo', 'veiligheidsplan', oma);
    await client.synced;
    const res = await fetch(`${server.http}/api/cases/demo/participants/oma`, { method: 'DELETE', headers: { cookie: regisseur, ...ownOrigin(server.http) } });
    expect(res.status).toBe(200);
    expect(await within(client.closed, 2000, 'the socket of the removed participant to close')).toBe(CloseCode.forbidden);
    expect((await fetch(`${server.http}/api/cases/demo`, { headers: { cookie: oma } })).status).toBe(404);
    client.destroy();
  });
});
