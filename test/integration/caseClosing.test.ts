import { describe, expect, it } from 'vitest';
import { destroyExpiredCases } from '../../server/cases/closeCase.ts';
import { mailQueueOf } from '../../server/mail/mailQueue.ts';
import { closingStore } from '../../server/store/caseSetupStore.ts';
import { CaseRecord } from '../../shared/caseClosing.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { appendParagraph, connectSection, within } from '../support/syncClient.ts';
import { requestAs, storesToTry } from '../support/tafelServer.ts';

const FAMILY = (title: string) => ({ title, region: 'flevoland', reason: 'De school maakt zich zorgen om Lina; moeder vraagt hulp bij schulden.', persons: [{ name: 'Anna Bakker', kind: 'volwassene' }, { name: 'Lina Bakker', kind: 'kind', birthDate: '2016-02-29' }] });

describe.each(storesToTry('closing a case'))('closing a case and its retention ($store)', ({ options }) => {
  const { server, cookie: cookies } = signedInTafel(['regisseur', 'vt', 'moeder', 'gi'], options);
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookies[who]!, method, url, body);
  const record = async (who: string, caseId: string) => CaseRecord.parse(await (await as(who, 'GET', `/api/cases/${caseId}/record`)).json());
  const startCase = async (title: string) => ((await (await as('regisseur', 'POST', '/api/cases', FAMILY(title))).json()) as { id: string }).id;

  it('the reason given at the start is kept and shown to the case’s people', async () => {
    const id = await startCase('Gezin Bakker');
    expect(await record('regisseur', id)).toEqual({ reason: FAMILY('').reason, closed: null, retention: { years: 20, organisation: null, hold: null } });
    expect((await as('moeder', 'GET', `/api/cases/${id}/record`)).status).toBe(404);
    const long = await as('regisseur', 'POST', '/api/cases', { ...FAMILY('Te lang'), reason: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
  });

  it('only the regisseur closes, with a reason and a day that is not in the future', async () => {
    for (const who of ['vt', 'gi', 'moeder']) expect((await as(who, 'POST', '/api/cases/demo/close', { reason: 'Het gaat goed genoeg; de hulp stopt.' })).status, who).toBe(403);
    const noReason = await as('regisseur', 'POST', '/api/cases/demo/close', { reason: 'klaar' });
    expect([noReason.status, ((await noReason.json()) as { error: { field: string } }).error.field]).toEqual([400, 'reason']);
    const future = await as('regisseur', 'POST', '/api/cases/demo/close', { reason: 'Het gaat goed genoeg; de hulp stopt.', date: '2099-01-01' });
    expect([future.status, ((await future.json()) as { error: { field: string } }).error.field]).toEqual([400, 'date']);
    expect((await record('regisseur', 'demo')).closed).toBeNull();
  });

  it('a closed case refuses an edit over a raw y-websocket client (4409), stored nowhere; HTTP changes are refused too', async () => {
    const url = `${server.ws}/sync/demo/plan`;
    const open = new RawYClient(url, cookies.regisseur!);
    await open.socket.opened;
    open.requestState();
    await new Promise((r) => setTimeout(r, 300));
    const before = await server.tafel.services.sql.db.selectFrom('doc_updates').select('id').where('room', '=', 'demo/plan').execute();
    const invited = (await (await as('regisseur', 'POST', '/api/cases/demo/invitations', { name: 'Murat Yilmaz', email: 'murat@example.nl', role: 'ouder', personId: 'p-murat' })).json()) as { link: string };
    const token = invited.link.split('/').at(-1)!;

    const closed = await as('regisseur', 'POST', '/api/cases/demo/close', { reason: 'Het gaat goed genoeg; de hulp stopt.' });
    expect(closed.status).toBe(200);
    const rec = CaseRecord.parse(await closed.json());
    expect(rec.closed).toMatchObject({ by: 'Eva Jansen', reason: 'Het gaat goed genoeg; de hulp stopt.' });
    expect(Date.parse(rec.closed!.destroyAfter) - Date.parse(rec.closed!.at)).toBeGreaterThan(20 * 365 * 86_400_000);
    await new Promise((r) => setTimeout(r, 300));

    // The socket that was open before: its edit is refused and dropped.
    open.write('Na het sluiten nog iets toevoegen');
    expect((await within(open.socket.closed, 2000, 'the open socket to close')).code).toBe(CloseCode.readOnly);
    // A socket opened after closing: reads, and may not write.
    const late = new RawYClient(url, cookies.regisseur!);
    await late.socket.opened;
    late.requestState();
    await new Promise((r) => setTimeout(r, 300));
    expect(late.text()).not.toContain('Na het sluiten');
    late.write('Nog een poging');
    expect((await within(late.socket.closed, 2000, 'the late socket to close')).code).toBe(CloseCode.readOnly);
    const after = await server.tafel.services.sql.db.selectFrom('doc_updates').select('id').where('room', '=', 'demo/plan').execute();
    expect(after.length).toBe(before.length);

    const detail = (await (await as('regisseur', 'GET', '/api/cases/demo')).json()) as { sections: { access: string }[] };
    expect(new Set(detail.sections.map((s) => s.access))).toEqual(new Set(['read']));
    expect((await as('regisseur', 'POST', '/api/cases/demo/persons', { name: 'Baby Yilmaz', kind: 'kind' })).status).toBe(409);
    expect((await as('regisseur', 'POST', '/api/cases/demo/invitations', { name: 'Ria', email: 'ria@example.nl', role: 'netwerk', personId: 'p-ria' })).status).toBe(409);
    expect((await as('regisseur', 'POST', '/api/cases/demo/close', { reason: 'Nog een keer sluiten dan.' })).status).toBe(409);
    // A link made before closing lets nobody in afterwards.
    const link = await fetch(`${server.http}/api/invitations/${token}`);
    expect([link.status, ((await link.json()) as { error: { message: string } }).error.message]).toEqual([410, 'Deze zaak is gesloten; de uitnodiging werkt niet meer.']);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select('event').where('case_id', '=', 'demo').where('event', '=', 'zaak-gesloten').execute();
    expect(logged).toHaveLength(1);
  });

  it('the retention job with a moved clock destroys exactly the case past its term, whole; the audit log stays', async () => {
    const [older, newer] = [await startCase('Gezin Ouder'), await startCase('Gezin Nieuwer')];
    // Something in each: text in a section, so the update log has rows of both.
    for (const id of [older, newer]) {
      const c = connectSection(server.ws, id, 'aanleiding', cookies.regisseur!);
      await within(c.synced, 5000, 'sync');
      appendParagraph(c.doc, `Tekst van ${id}`);
      for (let i = 0; i < 50 && !(await server.tafel.services.sql.db.selectFrom('doc_updates').select('id').where('room', '=', `${id}/aanleiding`).executeTakeFirst()); i++) await new Promise((r) => setTimeout(r, 100));
      c.destroy();
      expect((await as('regisseur', 'POST', `/api/cases/${id}/close`, { reason: 'De hulp is afgerond en het gaat goed.' })).status).toBe(200);
    }
    const { sql, audit, events } = server.tafel.services;
    // The older one closed three years before the newer one.
    const closedNewer = (await sql.db.selectFrom('cases').select('closed_at').where('id', '=', newer).executeTakeFirstOrThrow()).closed_at!;
    const threeYearsBefore = new Date(Date.parse(closedNewer) - 3 * 365 * 86_400_000).toISOString();
    await sql.db.updateTable('cases').set({ closed_at: threeYearsBefore }).where('id', '=', older).execute();
    const deps = { sql, closing: closingStore(sql), audit, events, cases: server.tafel.services.cases, mail: mailQueueOf(server.tafel.services) };
    const at = (iso: string, years: number, days: number) => new Date(Date.parse(iso) + years * 365.25 * 86_400_000 + days * 86_400_000);

    expect(await destroyExpiredCases(deps, at(threeYearsBefore, 20, -2))).toEqual([]);
    const destroyed = await destroyExpiredCases(deps, at(threeYearsBefore, 20, 2));
    expect(destroyed.map((d) => d.caseId)).toEqual([older]);

    const rowsOf = async (id: string) => ({
      cases: (await sql.db.selectFrom('cases').select('id').where('id', '=', id).execute()).length,
      persons: (await sql.db.selectFrom('persons').select('id').where('case_id', '=', id).execute()).length,
      sections: (await sql.db.selectFrom('sections').select('id').where('case_id', '=', id).execute()).length,
      participants: (await sql.db.selectFrom('participants').select('user_id').where('case_id', '=', id).execute()).length,
      updates: (await sql.db.selectFrom('doc_updates').select('id').where('room', 'like', `${id}/%`).execute()).length,
    });
    expect(await rowsOf(older)).toEqual({ cases: 0, persons: 0, sections: 0, participants: 0, updates: 0 });
    const kept = await rowsOf(newer);
    expect(kept.cases).toBe(1);
    expect(kept.updates).toBeGreaterThan(0);
    expect((await as('regisseur', 'GET', `/api/cases/${older}`)).status).toBe(404);
    const trail = await sql.db.selectFrom('audit_events').select('event').where('case_id', '=', older).execute();
    expect(trail.map((t) => t.event)).toEqual(expect.arrayContaining(['zaak-gestart', 'zaak-gesloten', 'zaak-vernietigd']));
  });
});
