import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptDirectory } from '../../shared/directoryApi.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { connectSection, type SectionClient, within } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel, storesToTry, twoProcesses } from '../support/tafelServer.ts';

const OWN = 'lokaal-team-almere';
const OTHER = 'veilig-thuis-flevoland';

describe.each(storesToTry('directory keeping'))('an organisation keeps its own directory ($store)', ({ options }) => {
  let server: RunningTafel;
  let beheerder: string;
  const sockets: SectionClient[] = [];
  const as = (cookie: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie, method, url, body);
  const kept = async (cookie: string) => KeptDirectory.parse(await (await as(cookie, 'GET', '/api/directory')).json());

  beforeAll(async () => {
    server = await startTafel(options);
    beheerder = await signIn(server.http, demoEmail('beheerder'));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await server?.close();
  });

  it('the beheerder sees the professionals of her own organisation only; others keep nothing', async () => {
    const mine = await kept(beheerder);
    expect(mine.organisations.map((o) => o.id)).toEqual([OWN]);
    expect(mine.organisations[0]!.professionals.map((p) => p.email).sort()).toEqual([demoEmail('gw'), demoEmail('regisseur')]);
    expect((await kept(await signIn(server.http, demoEmail('regisseur')))).organisations).toEqual([]);
  });

  it('adds a professional with a one-time password, who then signs in; a role change counts at once', async () => {
    const res = await as(beheerder, 'POST', `/api/directory/${OWN}/professionals`, { email: 'Nieuw.Collega@Wijkteam.example', name: 'Nieuwe Collega', role: 'regisseur' });
    expect(res.status).toBe(201);
    const { userId, password } = (await res.json()) as { userId: string; password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);
    const cookie = await signIn(server.http, 'nieuw.collega@wijkteam.example', password);
    expect((await as(cookie, 'GET', '/api/case-start')).status).toBe(200);
    expect((await as(beheerder, 'PATCH', `/api/directory/${OWN}/professionals/${userId}`, { role: 'gedragswetenschapper' })).status).toBe(200);
    expect((await server.tafel.services.directory.professionalById(userId))?.role).toBe('gedragswetenschapper');
    const bad = await as(beheerder, 'POST', `/api/directory/${OWN}/professionals`, { email: 'x@wijkteam.example', name: 'X', role: 'ouder' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^name: /);
  });

  it('a beheerder of one organisation cannot touch another organisation or its people (attacker)', async () => {
    // Another organisation's part: refused, whatever is asked.
    expect((await as(beheerder, 'POST', `/api/directory/${OTHER}/professionals`, { email: 'indringer@example.org', name: 'Indringer', role: 'veilig_thuis' })).status).toBe(403);
    expect((await as(beheerder, 'PATCH', `/api/directory/${OTHER}/professionals/vt`, { role: 'raad' })).status).toBe(403);
    expect((await as(beheerder, 'DELETE', `/api/directory/${OTHER}/professionals/vt`)).status).toBe(403);
    // Another organisation's professional through one's own part: not found there.
    expect((await as(beheerder, 'PATCH', `/api/directory/${OWN}/professionals/vt`, { role: 'regisseur' })).status).toBe(404);
    expect((await as(beheerder, 'DELETE', `/api/directory/${OWN}/professionals/vt`)).status).toBe(404);
    // Taking over an account by its address: a professional elsewhere, or a parent.
    const takeOver = await as(beheerder, 'POST', `/api/directory/${OWN}/professionals`, { email: demoEmail('vt'), name: 'Karim', role: 'regisseur' });
    expect(takeOver.status).toBe(409);
    expect(((await takeOver.json()) as { error: { message: string } }).error.message).toContain('andere organisatie');
    expect((await as(beheerder, 'POST', `/api/directory/${OWN}/professionals`, { email: demoEmail('moeder'), name: 'Sanne', role: 'regisseur' })).status).toBe(409);
    const vt = await server.tafel.services.directory.professionalByEmail(demoEmail('vt'));
    expect(vt).toMatchObject({ role: 'veilig_thuis', organisationId: OTHER });
    expect(await server.tafel.services.directory.professionalByEmail(demoEmail('moeder'))).toBeUndefined();
    // Someone who is no beheerder keeps nothing, not even in their own organisation.
    const regisseur = await signIn(server.http, demoEmail('regisseur'));
    expect((await as(regisseur, 'POST', `/api/directory/${OWN}/professionals`, { email: 'y@wijkteam.example', name: 'Y Y', role: 'regisseur' })).status).toBe(403);
    expect((await as(regisseur, 'DELETE', `/api/directory/${OWN}/professionals/gw`)).status).toBe(403);
    expect((await fetch(`${server.http}/api/directory`)).status).toBe(401);
  });

  it('the beheerder corrects an address and a phone number; the family reads the new number; the log names neither', async () => {
    const base = `/api/directory/${OWN}/professionals`;
    // How the family reaches their regisseur: a new number and other working days.
    const contact = { phone: '036 123 45 67', workingDays: ['maandag', 'vrijdag'] };
    expect((await as(beheerder, 'PATCH', `${base}/regisseur`, { contact })).status).toBe(200);
    expect((await kept(beheerder)).organisations[0]!.professionals.find((p) => p.userId === 'regisseur')?.contact).toEqual(contact);
    const mother = await signIn(server.http, demoEmail('moeder'));
    const home = (await (await as(mother, 'GET', '/api/cases/demo/home')).json()) as { contacts: { name: string; phone: string | null; workingDays: string[] }[] };
    expect(home.contacts.find((c) => c.phone === contact.phone)).toMatchObject({ workingDays: contact.workingDays });
    // A number that is none, and a day twice: refused, naming the field, and nothing changed.
    for (const bad of [{ phone: 'bel me maar', workingDays: [] }, { phone: '06 12345678', workingDays: ['maandag', 'maandag'] }]) {
      const res = await as(beheerder, 'PATCH', `${base}/regisseur`, { contact: bad });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(/telefoonnummer|werkdag/);
    }
    expect((await kept(beheerder)).organisations[0]!.professionals.find((p) => p.userId === 'regisseur')?.contact).toEqual(contact);

    // A new address: the old one signs in no more, open sessions end, the new one signs in.
    const gw = await signIn(server.http, demoEmail('gw'));
    expect((await as(beheerder, 'PATCH', `${base}/gw`, { email: demoEmail('vt') })).status).toBe(409);
    expect((await as(beheerder, 'PATCH', `${base}/gw`, { email: 'Gedragswetenschapper.Nieuw@Wijkteam.example ' })).status).toBe(200);
    expect((await as(gw, 'GET', '/api/me')).status).toBe(401);
    await expect(signIn(server.http, demoEmail('gw'))).rejects.toThrow(/401/);
    const renamed = await signIn(server.http, 'gedragswetenschapper.nieuw@wijkteam.example');
    expect((await as(renamed, 'GET', '/api/cases/demo')).status).toBe(200);
    expect((await as(beheerder, 'PATCH', `${base}/gw`, { email: demoEmail('gw') })).status).toBe(200);

    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select('detail').where('event', '=', 'directory-gewijzigd').execute();
    const details = logged.map((r) => r.detail ?? '').join('\n');
    expect(details).toContain('"contact":"gewijzigd"');
    expect(details).toContain('"email":"gewijzigd"');
    expect(details).not.toMatch(/@|1234567|wijkteam\.example/);
  });

  it('removing a professional closes her open sections at once, ends her sessions, and is logged', async () => {
    const gw = await signIn(server.http, demoEmail('gw'));
    const plan = connectSection(server.ws, 'demo', 'plan', gw);
    sockets.push(plan);
    await within(plan.synced, 5000, 'gw synced on plan');
    const at = Date.now();
    expect((await as(beheerder, 'DELETE', `/api/directory/${OWN}/professionals/gw`)).status).toBe(200);
    const code = await within(plan.closed, 1000, 'the removed professional’s socket to close');
    expect([CloseCode.notSignedIn, CloseCode.forbidden]).toContain(code);
    expect(Date.now() - at).toBeLessThan(1000);
    expect((await as(gw, 'GET', '/api/me')).status).toBe(401);
    // Signing in again gets her nowhere: she is in the case as nobody.
    const again = await signIn(server.http, demoEmail('gw'));
    expect((await as(again, 'GET', '/api/cases/demo')).status).toBe(404);
    const reopened = connectSection(server.ws, 'demo', 'plan', again);
    sockets.push(reopened);
    expect(await within(reopened.closed, 2000, 'a new socket of the removed professional')).toBe(CloseCode.notFound);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').selectAll().where('event', '=', 'directory-verwijderd').execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ user_id: 'beheerder', organisation_id: OWN });
    expect(JSON.parse(logged[0]!.detail!)).toMatchObject({ account: 'gw', zaken: 1 });
    expect(logged[0]!.detail).not.toContain('@');
    expect((await kept(beheerder)).organisations[0]!.professionals.map((p) => p.email)).not.toContain(demoEmail('gw'));
  });
});

const PG_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const scaleOutSkip = PG_URL && REDIS_URL ? null : 'TEST_DATABASE_URL and TEST_REDIS_URL are needed';
if (scaleOutSkip) console.warn(`removal across processes skipped: ${scaleOutSkip}`);

describe.skipIf(scaleOutSkip !== null)('removing a professional on one server closes her socket on another', () => {
  const processes = twoProcesses(PG_URL!, REDIS_URL!);

  it('within a second, through the fan-out', async () => {
    const { a, b } = processes;
    const gw = await signIn(b.http, demoEmail('gw'));
    const plan = connectSection(b.ws, 'demo', 'plan', gw);
    await within(plan.synced, 5000, 'gw synced on plan at server b');
    const beheerder = await signIn(a.http, demoEmail('beheerder'));
    const at = Date.now();
    expect((await requestAs(a.http, beheerder, 'DELETE', `/api/directory/${OWN}/professionals/gw`)).status).toBe(200);
    const code = await within(plan.closed, 1000, 'her socket at the other server to close');
    expect([CloseCode.notSignedIn, CloseCode.forbidden]).toContain(code);
    expect(Date.now() - at).toBeLessThan(1000);
    plan.destroy();
  });
});
