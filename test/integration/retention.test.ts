import { beforeAll, describe, expect, it } from 'vitest';
import { destroyCase, destroyExpired } from '../../server/cases/retention.ts';
import { mailQueueOf } from '../../server/mail/mailQueue.ts';
import { closingStore } from '../../server/store/caseSetupStore.ts';
import { RetentionStore } from '../../server/store/retentionStore.ts';
import { CaseRecord } from '../../shared/caseClosing.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { demoEmail, requestAs, storesToTry } from '../support/tafelServer.ts';

const FAMILY = (title: string) => ({ title, region: 'flevoland', reason: 'De school maakt zich zorgen; moeder vraagt hulp bij schulden.', persons: [{ name: 'Anna Bakker', kind: 'volwassene' }] });
const HOLD = { reason: 'Er loopt een klacht bij de rechter over deze zaak; niets vernietigen.' };
const YEAR_MS = 365.25 * 86_400_000;

describe.each(storesToTry('retention'))('retention per organisation and legal holds ($store)', ({ options }) => {
  const { server, cookie: cookies } = signedInTafel(['regisseur', 'vt', 'beheerder', 'moeder'], { ...options, settings: { TAFEL_RETENTION_YEARS: '18' } });
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookies[who]!, method, url, body);
  const record = async (caseId: string) => CaseRecord.parse(await (await as('regisseur', 'GET', `/api/cases/${caseId}/record`)).json());
  const startCase = async (title: string) => ((await (await as('regisseur', 'POST', '/api/cases', FAMILY(title))).json()) as { id: string }).id;

  beforeAll(async () => {
    // The deployment's default term is 18 years here, so a test can tell it from 20.
  });

  it('a beheerder sets the term of her own organisation only, within 15 to 100 years', async () => {
    const own = await as('beheerder', 'GET', '/api/directory/lokaal-team-almere/retention');
    expect(await own.json()).toEqual({ years: null, defaultYears: 18 });
    const tooShort = await as('beheerder', 'PUT', '/api/directory/lokaal-team-almere/retention', { years: 10 });
    expect([tooShort.status, ((await tooShort.json()) as { error: { field: string; message: string } }).error]).toEqual([400, expect.objectContaining({ field: 'years', message: expect.stringContaining('minstens 15 jaar') })]);
    expect((await as('beheerder', 'PUT', '/api/directory/veilig-thuis-flevoland/retention', { years: 40 })).status).toBe(403);
    expect((await as('regisseur', 'PUT', '/api/directory/lokaal-team-almere/retention', { years: 40 })).status).toBe(403);
    expect((await as('beheerder', 'PUT', '/api/directory/lokaal-team-almere/retention', { years: 19 })).status).toBe(200);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select(['detail', 'organisation_id']).where('event', '=', 'bewaartermijn-gewijzigd').execute();
    expect(logged).toEqual([{ detail: JSON.stringify({ organisatie: 'lokaal-team-almere', jaren: 19 }), organisation_id: 'lokaal-team-almere' }]);
  });

  it('the retention job with a moved clock destroys exactly the cases past their own term and not under a hold', async () => {
    const { sql, audit, events } = server.tafel.services;
    const retention = new RetentionStore(sql);
    // The operator gives Veilig Thuis a longer term of its own (npm run beheer -- termijn).
    await retention.setTerm('veilig-thuis-flevoland', 30);
    const [local, withVt, held] = [await startCase('Gezin Lokaal'), await startCase('Gezin Met VT'), await startCase('Gezin Bewaard')];
    expect((await as('regisseur', 'POST', `/api/cases/${withVt}/invitations`, { email: demoEmail('vt') })).status).toBe(200);
    for (const id of [local, withVt, held]) expect((await as('regisseur', 'POST', `/api/cases/${id}/close`, { reason: 'De hulp is afgerond en het gaat goed.' })).status).toBe(200);

    // Where the case is closed, the term that governs it is shown with the organisation it comes from.
    expect((await record(local)).retention).toEqual({ years: 19, organisation: 'Sociaal wijkteam Almere Haven', hold: null });
    const vtRecord = await record(withVt);
    expect(vtRecord.retention).toEqual({ years: 30, organisation: 'Veilig Thuis Flevoland', hold: null });
    expect(new Date(vtRecord.closed!.destroyAfter).getUTCFullYear() - new Date(vtRecord.closed!.at).getUTCFullYear()).toBe(30);

    // Only the regisseur in the case, or a beheerder of an organisation in it, sets a hold.
    expect((await as('vt', 'PUT', `/api/cases/${withVt}/hold`, HOLD)).status).toBe(403);
    expect((await as('regisseur', 'PUT', `/api/cases/${held}/hold`, { reason: 'kort' })).status).toBe(400);
    expect((await as('regisseur', 'PUT', `/api/cases/${held}/hold`, HOLD)).status).toBe(200);
    expect((await as('regisseur', 'PUT', `/api/cases/${held}/hold`, HOLD)).status).toBe(409);
    expect((await record(held)).retention.hold).toMatchObject({ reason: HOLD.reason, by: 'Eva Jansen' });

    const closedAt = (await sql.db.selectFrom('cases').select('closed_at').where('id', '=', local).executeTakeFirstOrThrow()).closed_at!;
    const at = (years: number) => new Date(Date.parse(closedAt) + years * YEAR_MS);
    // Every case closed at the same moment, so only their terms differ.
    await sql.db.updateTable('cases').set({ closed_at: closedAt }).where('id', 'in', [withVt, held]).execute();
    const deps = { sql, closing: closingStore(sql), retention, audit, events, defaultYears: 18, cases: server.tafel.services.cases, mail: mailQueueOf(server.tafel.services) };
    const job = async (years: number) => (await destroyExpired(deps, at(years))).map((d) => d.caseId);

    expect(await job(18.5)).toEqual([]);
    expect(await job(19.5)).toEqual([local]);
    expect((await as('regisseur', 'GET', `/api/cases/${local}`)).status).toBe(404);
    expect(await job(29.5)).toEqual([]);
    expect(await job(30.5)).toEqual([withVt]);
    // The held case is past its term, and stays while the hold lies on it.
    expect(await job(60)).toEqual([]);
    // Also when the hold came after the list was made: the destruction itself looks again.
    expect(await destroyCase(deps, held, { grond: 'bewaartermijn' })).toBeNull();
    expect((await as('regisseur', 'GET', `/api/cases/${held}`)).status).toBe(200);

    // The beheerder of an organisation in the case lifts it, with a reason; a beheerder of none gets 404.
    const lifted = { reason: 'De klacht is afgehandeld; de zaak mag weg na haar termijn.' };
    const otherKeeper = await as('beheerder', 'DELETE', '/api/directory/lokaal-team-almere/holds/demo-onbekend', lifted);
    expect(otherKeeper.status).toBe(404);
    expect((await as('beheerder', 'DELETE', `/api/directory/lokaal-team-almere/holds/${held}`, lifted)).status).toBe(200);
    expect((await record(held)).retention.hold).toBeNull();
    expect(await job(60)).toEqual([held]);

    const trail = await sql.db.selectFrom('audit_events').select(['event', 'detail', 'user_id']).where('case_id', '=', held).orderBy('id').execute();
    expect(trail.map((t) => t.event)).toEqual(expect.arrayContaining(['bewaarplicht-gezet', 'bewaarplicht-opgeheven', 'zaak-vernietigd']));
    expect(trail.find((t) => t.event === 'bewaarplicht-opgeheven')?.user_id).toBe('beheerder');
    // Neither reason, nor anything of the case, is in the log.
    for (const t of trail) expect(t.detail ?? '').not.toMatch(/klacht|Bakker|@/);
    // A term shorter than the default counts too, when every organisation in the case has it.
    await retention.setTerm('lokaal-team-almere', 15);
    const short = await startCase('Gezin Kort');
    expect((await record(short)).retention).toEqual({ years: 15, organisation: 'Sociaal wijkteam Almere Haven', hold: null });
    expect((await as('regisseur', 'POST', `/api/cases/${short}/invitations`, { email: demoEmail('gi') })).status).toBe(200);
    // The GI has no term of its own: the default (18) is the longest now.
    expect((await record(short)).retention).toEqual({ years: 18, organisation: null, hold: null });
    for (const id of [local, withVt, held]) {
      expect(await sql.db.selectFrom('doc_updates').select('id').where('room', 'like', `${id}/%`).execute()).toEqual([]);
      expect(await sql.db.selectFrom('legal_holds').select('id').where('case_id', '=', id).execute()).toEqual([]);
    }
  });
});
