import { describe, expect, it } from 'vitest';
import { CaseDetail } from '../../shared/api.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { CATALOGUE, catalogueEntry } from '../../shared/sections.ts';
import { consentToPerson } from '../support/consents.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { waitFor } from '../support/syncClient.ts';
import { serverEdit, } from '../support/tafelServer.ts';

describe('access changes and what the API reveals', () => {
  const { server, cookie, api } = signedInTafel(['regisseur', 'vt', 'gi', 'moeder', 'vader', 'jeugdige']);
  const openSection = async (who: string, section: string, caseId = 'demo') => {
    const c = new RawYClient(`${server.ws}/sync/${caseId}/${section}`, cookie[who]!);
    return c;
  };

  it('the mother cannot open the father’s GGZ section until he consents, and loses it within 1 s when he withdraws', async () => {
    const before = await openSection('moeder', 'ggz-murat');
    expect((await before.socket.closed).code).toBe(CloseCode.forbidden);
    expect(before.socket.received).toHaveLength(0);

    const res = await consentToPerson(api, 'vader', 'ggz-murat', 'p-sanne', { reason: 'Sanne mag weten hoe het met mij gaat.' });
    expect(res.status).toBe(200);
    const consent = (await res.json()) as { id: string };

    const reading = await openSection('moeder', 'ggz-murat');
    await reading.socket.opened;
    reading.requestState();
    await waitFor(() => reading.documentBytes > 0, 5000, 'mother reads the section');

    const detail = (await (await api('moeder', 'GET', '/api/cases/demo')).json()) as { sections: { id: string; because: string }[] };
    expect(detail.sections.find((s) => s.id === 'ggz-murat')?.because).toContain('toestemming van Murat Yilmaz');

    const withdrawnAt = Date.now();
    expect((await api('vader', 'POST', `/api/cases/demo/consents/${consent.id}/withdraw`)).status).toBe(200);
    expect((await reading.socket.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - withdrawnAt).toBeLessThan(1000);
  });

  it('a consent with an end time closes the socket it let in when it ends, without anyone acting', async () => {
    const until = new Date(Date.now() + 1500).toISOString();
    const res = await consentToPerson(api, 'vader', 'ggz-murat', 'p-sanne', { reason: 'Alleen voor het gesprek van vandaag.', until });
    expect(res.status).toBe(200);
    const reading = await openSection('moeder', 'ggz-murat');
    await reading.socket.opened;
    reading.requestState();
    await waitFor(() => reading.documentBytes > 0, 5000, 'mother reads the section');
    expect((await reading.socket.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - Date.parse(until)).toBeLessThan(1000);
    // And the next attempt is refused before a byte of the document is sent.
    const after = await openSection('moeder', 'ggz-murat');
    expect((await after.socket.closed).code).toBe(CloseCode.forbidden);
    expect(after.socket.received).toHaveLength(0);
  });

  it('only the subject can consent to their own section', async () => {
    const res = await consentToPerson(api, 'moeder', 'ggz-sanne', 'p-murat');
    expect(res.status).toBe(200);
    const forged = await consentToPerson(api, 'moeder', 'ggz-murat', 'p-sanne');
    expect(forged.status).toBe(404);
  });

  it('a revocation by the regisseur closes an open socket within 1 s; a grant lets the next one in', async () => {
    const open = await openSection('gi', 'financien');
    await open.socket.opened;
    const at = Date.now();
    const res = await api('regisseur', 'POST', '/api/cases/demo/grants', { sectionId: 'financien', userId: 'gi', level: 'none', reason: 'Niet meer betrokken bij schulden' });
    expect(res.status).toBe(200);
    expect((await open.socket.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - at).toBeLessThan(1000);
    await api('regisseur', 'POST', '/api/cases/demo/grants', { sectionId: 'financien', userId: 'gi', level: 'read', reason: 'Weer betrokken' });
    const again = await openSection('gi', 'financien');
    await again.socket.opened;
    again.close();
  });

  it('no grant opens a legal lock', async () => {
    const res = await api('regisseur', 'POST', '/api/cases/demo/grants', { sectionId: 'r-adres', userId: 'vader', level: 'read', reason: 'Poging tot openen' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { effective: string }).effective).toBe('none');
    const c = await openSection('vader', 'r-adres');
    expect((await c.socket.closed).code).toBe(CloseCode.forbidden);
  });

  it('the family API never names a restricted section or another parent’s GGZ', async () => {
    for (const who of ['moeder', 'vader', 'jeugdige']) {
      const body = await (await api(who, 'GET', '/api/cases/demo')).text();
      expect(body).not.toMatch(/r-melder|r-adres|r-derden|r-werkaantekeningen|Melder|Afgeschermd adres|Werkaantekeningen/);
      const audit = await (await api(who, 'GET', '/api/cases/demo/audit')).text();
      expect(audit).not.toMatch(/r-melder|Melder en bronnen/);
    }
    const mother = await (await api('moeder', 'GET', '/api/cases/demo')).text();
    expect(mother).not.toContain('ggz-murat');
  });

  it('parents and the young person are told that information from others is withheld, while there is some, and nothing more', async () => {
    const withheld = async (who: string) => CaseDetail.parse(await (await api(who, 'GET', '/api/cases/demo')).json()).withheld;
    const notice = catalogueEntry('r-derden').familyNotice!;
    for (const who of ['moeder', 'vader', 'jeugdige']) expect(await withheld(who)).toEqual([notice]);
    // Professionals read the section itself; the melder, the address and working notes have no notice.
    for (const who of ['regisseur', 'vt', 'gi']) expect(await withheld(who)).toEqual([]);
    expect(CATALOGUE.filter((e) => e.familyNotice).map((e) => e.id)).toEqual(['r-derden']);
    await serverEdit(server, 'r-derden', (f) => f.delete(0, f.length));
    expect(await withheld('moeder')).toEqual([]);
  });

  it('the family sees who opened their sections; the regisseur sees the full log', async () => {
    const c = await openSection('vt', 'r-melder');
    await c.socket.opened;
    c.close();
    const p = await openSection('vt', 'plan');
    await p.socket.opened;
    p.close();
    await new Promise((r) => setTimeout(r, 50));
    const family = (await (await api('moeder', 'GET', '/api/cases/demo/audit')).json()) as { scope: string; entries: { who: string; sections?: { id: string }[] }[] };
    expect(family.scope).toBe('inzage');
    expect(family.entries.some((e) => e.who === 'Karim El Amrani' && e.sections?.some((s) => s.id === 'plan'))).toBe(true);
    const full = (await (await api('regisseur', 'GET', '/api/cases/demo/audit')).json()) as { scope: string; entries: { event: string }[] };
    expect(full.scope).toBe('volledig');
    expect(full.entries.some((e) => e.event === 'toestemming-ingetrokken')).toBe(true);
  });

  it('forged ids: another case, a section of another case', async () => {
    const db = server.tafel.services.sql.db;
    await db.insertInto('cases').values({ id: 'ander', title: 'Ander gezin', region: 'flevoland', status: 'actief', created_at: new Date().toISOString(), dates: '{}' }).execute();
    await db
      .insertInto('sections')
      .values({ id: 'plan-ander', case_id: 'ander', catalogue_id: 'plan', subject_person_id: null, owner_organisation_id: null, title: 'Plan', status: 'concept', position: 0, updated_at: null, updated_by: null })
      .execute();
    const other = await openSection('regisseur', 'plan-ander', 'ander');
    expect((await other.socket.closed).code).toBe(CloseCode.notFound);
    const crossed = await openSection('regisseur', 'plan-ander', 'demo');
    expect((await crossed.socket.closed).code).toBe(CloseCode.notFound);
    expect((await api('regisseur', 'GET', '/api/cases/ander')).status).toBe(404);
    expect((await api('regisseur', 'GET', '/api/cases/bestaat-niet')).status).toBe(404);
  });

  it('removing a participant closes their sockets', async () => {
    const open = await openSection('jeugdige', 'stem-jeugdige');
    await open.socket.opened;
    expect((await api('regisseur', 'DELETE', '/api/cases/demo/participants/jeugdige')).status).toBe(200);
    expect((await open.socket.closed).code).toBe(CloseCode.forbidden);
    expect((await api('jeugdige', 'GET', '/api/cases/demo')).status).toBe(404);
  });
});
