import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/sections.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { appendParagraph, connectSection, within } from '../support/syncClient.ts';
import { requestAs, storesToTry } from '../support/tafelServer.ts';

interface Detail {
  id: string;
  title: string;
  persons: { id: string; name: string; kind: string }[];
  participants: { userId: string; role: string }[];
  sections: { id: string; catalogueId: string; subjectPersonId: string | null; ownerOrganisationId: string | null; title: string; access: string }[];
}

const FAMILY = {
  title: 'Gezin Bakker – Öztürk',
  region: 'flevoland',
  persons: [
    { name: 'Anna Bakker', kind: 'volwassene', relation: 'moeder' },
    { name: 'Emre Öztürk', kind: 'volwassene', birthDate: '1988-07-14', relation: 'vader' },
    { name: 'Lina Öztürk', kind: 'kind', birthDate: '2016-02-29' },
    { name: 'Mats Öztürk', kind: 'kind', birthDate: '2021-11-03' },
    { name: 'Joke de Vries', kind: 'netwerk', relation: 'buurvrouw' },
  ],
};

describe.each(storesToTry('starting a case'))('starting a case on $store', ({ options }) => {
  const { server, cookie: cookies } = signedInTafel(['regisseur', 'vt', 'raad', 'gi', 'moeder', 'jeugdige'], options);
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookies[who]!, method, url, body);
  const detail = async (who: string, caseId: string) => (await (await as(who, 'GET', `/api/cases/${caseId}`)).json()) as Detail;
  const start = async (who: string, body: unknown) => {
    const res = await as(who, 'POST', '/api/cases', body);
    return { status: res.status, json: (await res.json()) as { id?: string; error?: { code: string; message: string; field?: string } } };
  };
  /** Waits until the server stored an update of this room. */
  const storedIn = async (room: string) => {
    for (let i = 0; i < 50; i++) {
      if (await server.tafel.services.sql.db.selectFrom('doc_updates').select('id').where('room', '=', room).executeTakeFirst()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nothing stored in ${room}`);
  };
  const caseCount = async () => (await server.tafel.services.sql.db.selectFrom('cases').select('id').execute()).length;

  it('a regisseur starts a case with two adults, two children and a neighbour: every catalogue section, one GGZ per adult, one health section per child', async () => {
    const { status, json } = await start('regisseur', FAMILY);
    expect(status).toBe(201);
    expect(Object.keys(json)).toEqual(['id']);
    const d = await detail('regisseur', json.id!);
    expect(d.title).toBe(FAMILY.title);
    expect(d.participants).toEqual([expect.objectContaining({ userId: 'regisseur', role: 'regisseur' })]);
    const byName = Object.fromEntries(d.persons.map((p) => [p.name, p]));
    expect(d.persons.map((p) => p.kind).sort()).toEqual(['kind', 'kind', 'netwerk', 'ouder', 'ouder']);
    // Every catalogue entry is there; the regisseur, like in the demo, does not see the melder.
    const catalogueIds = new Set(d.sections.map((s) => s.catalogueId));
    for (const entry of CATALOGUE) if (entry.id !== 'r-melder') expect(catalogueIds, entry.id).toContain(entry.id);
    expect(catalogueIds).not.toContain('r-melder');
    const subjects = (id: string) => d.sections.filter((s) => s.catalogueId === id).map((s) => s.subjectPersonId).sort();
    expect(subjects('ggz')).toEqual([byName['Anna Bakker']!.id, byName['Emre Öztürk']!.id].sort());
    expect(subjects('gezondheid-jeugdige')).toEqual([byName['Lina Öztürk']!.id, byName['Mats Öztürk']!.id].sort());
    expect(d.sections.filter((s) => s.catalogueId === 'r-werkaantekeningen').map((s) => s.ownerOrganisationId)).toEqual(['lokaal-team-almere']);
    expect(d.sections.find((s) => s.catalogueId === 'ggz' && s.subjectPersonId === byName['Anna Bakker']!.id)?.title).toBe('Psychische gezondheid en verslaving: Anna');

    const mine = (await (await as('regisseur', 'GET', '/api/cases')).json()) as { id: string; myRole: string }[];
    expect(mine).toContainEqual(expect.objectContaining({ id: json.id, myRole: 'regisseur' }));
    // Nobody else is in it: the same 404 as a case that does not exist.
    expect((await as('vt', 'GET', `/api/cases/${json.id}`)).status).toBe(404);
  });

  it('starting a case with four persons answers well within a second', async () => {
    const four = { ...FAMILY, persons: FAMILY.persons.slice(0, 4) };
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const { status } = await start('regisseur', { ...four, title: `Gezin Bakker ${i}` });
      times.push(performance.now() - t0);
      expect(status).toBe(201);
    }
    times.sort((a, b) => a - b);
    console.log(`[figures] POST /api/cases with 4 persons (${options.databaseUrl ? 'PostgreSQL' : 'SQLite'}): median ${times[5]!.toFixed(1)} ms, slowest ${times[9]!.toFixed(1)} ms of 10`);
    expect(times[5]).toBeLessThan(1000);
  });

  it('Veilig Thuis starts a case and names the regisseur; the melder is VT’s only, working notes their own organisation’s', async () => {
    const { status, json } = await start('vt', { ...FAMILY, title: 'Gezin Smit', regisseur: 'regisseur@demo.tafel' });
    expect(status).toBe(201);
    const vt = await detail('vt', json.id!);
    expect(vt.participants.map((p) => [p.userId, p.role]).sort()).toEqual([
      ['regisseur', 'regisseur'],
      ['vt', 'veilig_thuis'],
    ]);
    expect(vt.sections.map((s) => s.catalogueId)).toContain('r-melder');
    expect(vt.sections.filter((s) => s.catalogueId === 'r-werkaantekeningen').map((s) => s.ownerOrganisationId)).toEqual(['veilig-thuis-flevoland']);
    const regisseur = await detail('regisseur', json.id!);
    expect(regisseur.sections.map((s) => s.catalogueId)).not.toContain('r-melder');
    expect(regisseur.sections.filter((s) => s.catalogueId === 'r-werkaantekeningen').map((s) => s.ownerOrganisationId)).toEqual(['lokaal-team-almere']);
    // A melder section the regisseur cannot see is closed at the socket too.
    const melder = vt.sections.find((s) => s.catalogueId === 'r-melder')!;
    const client = connectSection(server.ws, json.id!, melder.id, cookies.regisseur!);
    expect(await within(client.closed, 3000, 'the regisseur’s socket on the melder to close')).toBe(CloseCode.forbidden);
    client.destroy();
  });

  it('only professionals of a lokaal team or Veilig Thuis start a case; the family gets 403 whatever the body', async () => {
    const before = await caseCount();
    for (const who of ['moeder', 'jeugdige', 'raad', 'gi']) {
      expect((await start(who, FAMILY)).status, who).toBe(403);
      expect((await start(who, { title: '' })).status, `${who} with a bad body`).toBe(403);
    }
    expect((await fetch(`${server.http}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.http }, body: JSON.stringify(FAMILY) })).status).toBe(401);
    expect(await caseCount()).toBe(before);
  });

  it('a bad body is a 400 naming the field, and nothing of the case is stored', async () => {
    const before = await caseCount();
    const bad = async (body: unknown, field: string, who = 'regisseur') => {
      const { status, json } = await start(who, body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.error?.field).toBe(field);
      return json.error!.message;
    };
    await bad({ ...FAMILY, title: '  ' }, 'title');
    await bad({ region: 'flevoland', persons: FAMILY.persons }, 'title');
    expect(await bad({ ...FAMILY, persons: [{ name: 'Sem', kind: 'kind', birthDate: '2023-02-30' }] }, 'birthDate')).toMatch(/^persons\.0\.birthDate: Deze datum bestaat niet/);
    await bad({ ...FAMILY, persons: [{ name: 'Sem', kind: 'kind', birthDate: '30-01-2023' }] }, 'birthDate');
    await bad({ ...FAMILY, persons: [{ name: 'Sem', kind: 'baby' }] }, 'kind');
    await bad({ ...FAMILY, persons: [] }, 'persons');
    expect(await bad({ ...FAMILY, persons: [...FAMILY.persons, { name: 'anna bakker', kind: 'volwassene' }] }, 'name')).toMatch(/al/);
    await bad({ ...FAMILY, persons: [{ name: 'Joke', kind: 'netwerk' }] }, 'relation');
    await bad({ ...FAMILY, regisseur: 'gi@demo.tafel' }, 'regisseur');
    // The region is one Tafel knows: its deadlines and glossary follow it, so a typo is refused.
    expect(await bad({ ...FAMILY, region: 'flevolnd' }, 'region')).toBe('region: Tafel kent de regio “flevolnd” niet. Kies een van deze regio’s: Flevoland.');
    expect(await bad({ ...FAMILY, region: '' }, 'region')).toBe('region: Kies een regio.');
    await bad({ title: FAMILY.title, persons: FAMILY.persons }, 'region');
    // Veilig Thuis can only name a regisseur of a lokaal team from the directory.
    const { status, json } = await start('vt', { ...FAMILY, regisseur: 'gi@demo.tafel' });
    expect([status, json.error?.field]).toEqual([422, 'regisseur']);
    expect(await caseCount()).toBe(before);
  });

  it('a region written with capitals or spaces is the region Tafel knows, stored by its key', async () => {
    const { status, json } = await start('regisseur', { ...FAMILY, title: 'Gezin Smit', region: ' Flevoland ' });
    expect(status).toBe(201);
    expect(((await (await as('regisseur', 'GET', `/api/cases/${json.id}`)).json()) as { region: string }).region).toBe('flevoland');
  });

  it('a child born later gets her health section beside her siblings’, a new partner his GGZ section; only the regisseur adds', async () => {
    const { json } = await start('regisseur', FAMILY);
    const caseId = json.id!;
    const add = (who: string, body: unknown) => as(who, 'POST', `/api/cases/${caseId}/persons`, body);
    const baby = await add('regisseur', { name: 'Noor Öztürk', kind: 'kind', birthDate: '2026-10-01' });
    expect(baby.status).toBe(201);
    const noor = (await baby.json()) as { id: string; kind: string };
    expect(noor.kind).toBe('kind');
    const partner = (await (await add('regisseur', { name: 'Rik Jansen', kind: 'volwassene', relation: 'nieuwe partner van Anna' })).json()) as { id: string };
    const d = await detail('regisseur', caseId);
    const order = d.sections.map((s) => s.catalogueId);
    const health = d.sections.filter((s) => s.catalogueId === 'gezondheid-jeugdige');
    expect(health.map((s) => s.subjectPersonId)).toContain(noor.id);
    // Sections stay in catalogue order: the new ones sit with the others of their kind.
    expect(order.lastIndexOf('gezondheid-jeugdige') - order.indexOf('gezondheid-jeugdige')).toBe(2);
    expect(order.lastIndexOf('ggz') - order.indexOf('ggz')).toBe(2);
    expect(d.sections.find((s) => s.catalogueId === 'ggz' && s.subjectPersonId === partner.id)?.title).toBe('Psychische gezondheid en verslaving: Rik');

    expect((await add('regisseur', { name: 'Noor Öztürk', kind: 'kind', birthDate: '2026-10-01' })).status).toBe(409);
    expect((await add('regisseur', { name: 'Tim', kind: 'kind', birthDate: '2026-02-30' })).status).toBe(400);
    expect((await add('moeder', { name: 'Tim', kind: 'kind' })).status).toBe(404);
  });

  it('a correction of a name renames the person’s sections; someone else than the regisseur is refused', async () => {
    const { json } = await start('vt', { ...FAMILY, regisseur: 'regisseur@demo.tafel' });
    const caseId = json.id!;
    const anna = (await detail('regisseur', caseId)).persons.find((p) => p.name === 'Anna Bakker')!;
    expect((await as('vt', 'PATCH', `/api/cases/${caseId}/persons/${anna.id}`, { name: 'Hanna Bakker' })).status).toBe(403);
    const res = await as('regisseur', 'PATCH', `/api/cases/${caseId}/persons/${anna.id}`, { name: 'Hanna Bakker', birthDate: '1990-04-31' });
    expect(res.status).toBe(400);
    const ok = await as('regisseur', 'PATCH', `/api/cases/${caseId}/persons/${anna.id}`, { name: 'Hanna Bakker', birthDate: '1990-04-30' });
    expect(await ok.json()).toEqual(expect.objectContaining({ name: 'Hanna Bakker', birthDate: '1990-04-30', relation: 'moeder', kind: 'volwassene' }));
    const d = await detail('regisseur', caseId);
    expect(d.sections.find((s) => s.catalogueId === 'ggz' && s.subjectPersonId === anna.id)?.title).toBe('Psychische gezondheid en verslaving: Hanna');
    expect(d.sections.find((s) => s.catalogueId === 'reactie-besluit' && s.subjectPersonId === anna.id)?.title).toBe('Reactie op het besluit: Hanna');
  });

  it('removing a person archives a section with text (read only, logged) and drops an untouched one', async () => {
    const { json } = await start('regisseur', FAMILY);
    const caseId = json.id!;
    const before = await detail('regisseur', caseId);
    const emre = before.persons.find((p) => p.name === 'Emre Öztürk')!;
    const mats = before.persons.find((p) => p.name === 'Mats Öztürk')!;
    const ggz = before.sections.find((s) => s.catalogueId === 'ggz' && s.subjectPersonId === emre.id)!;
    const writer = connectSection(server.ws, caseId, ggz.id, cookies.regisseur!);
    await writer.synced;
    appendParagraph(writer.doc, 'Emre is in behandeling bij de GGZ.');
    await storedIn(`${caseId}/${ggz.id}`);

    const removed = await as('regisseur', 'DELETE', `/api/cases/${caseId}/persons/${emre.id}`);
    expect(removed.status).toBe(200);
    // His own words and reaction were never written: they go.
    const unwritten = before.sections.filter((s) => s.subjectPersonId === emre.id && s.id !== ggz.id).map((s) => s.id);
    expect(unwritten.length).toBe(2);
    expect(await removed.json()).toEqual({ archived: [ggz.id], dropped: unwritten });
    const after = await detail('regisseur', caseId);
    expect(after.persons.map((p) => p.id)).not.toContain(emre.id);
    const archived = after.sections.find((s) => s.id === ggz.id)!;
    expect([archived.title, archived.access]).toEqual(['Psychische gezondheid en verslaving: Emre (gearchiveerd)', 'read']);
    // The open editor is read only from the moment its socket is re-checked: a write then closes it.
    let closedWith: number | undefined;
    void writer.closed.then((code) => {
      closedWith = code;
    });
    for (let i = 0; i < 25 && closedWith === undefined; i++) {
      appendParagraph(writer.doc, `Nog een zin ${i}.`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(closedWith).toBe(CloseCode.readOnly);
    writer.destroy();
    const events = await server.tafel.services.audit.forCase(caseId);
    expect(events.map((e) => [e.event, e.section_id])).toEqual(expect.arrayContaining([['persoon-verwijderd', null], ['sectie-gearchiveerd', ggz.id]]));

    const untouched = await as('regisseur', 'DELETE', `/api/cases/${caseId}/persons/${mats.id}`);
    // His health section and his own reaction, both untouched.
    const his = before.sections.filter((s) => s.subjectPersonId === mats.id).map((s) => s.catalogueId);
    expect(his).toEqual(['gezondheid-jeugdige', 'reactie-jeugdige']);
    expect(await untouched.json()).toEqual({ archived: [], dropped: before.sections.filter((s) => s.subjectPersonId === mats.id).map((s) => s.id) });
    expect((await detail('regisseur', caseId)).sections.map((s) => s.id)).not.toContain(before.sections.find((s) => s.subjectPersonId === mats.id)!.id);
    expect((await as('regisseur', 'DELETE', `/api/cases/${caseId}/persons/${mats.id}`)).status).toBe(404);
    // Nor can someone be invited as a person who left the case.
    const invite = await as('regisseur', 'POST', `/api/cases/${caseId}/invitations`, { name: 'Emre Öztürk', email: 'emre@example.nl', role: 'ouder', personId: emre.id });
    expect(invite.status).toBe(400);
  });

  it('on a started case the parents see what they see in the demo: their own GGZ, not each other’s, no restricted section', async () => {
    const { json } = await start('regisseur', FAMILY);
    const caseId = json.id!;
    const d = await detail('regisseur', caseId);
    const person = (name: string) => d.persons.find((p) => p.name === name)!.id;
    const join = async (name: string, email: string) => {
      const res = await as('regisseur', 'POST', `/api/cases/${caseId}/invitations`, { name, email, role: 'ouder', personId: person(name) });
      const { link } = (await res.json()) as { link: string };
      const accepted = await requestAs(server.http, '', 'POST', new URL(link).pathname.replace('/uitnodiging/', '/api/invitations/'), { password: 'een-lang-wachtwoord' });
      expect(accepted.status).toBe(200);
      return accepted.headers.get('set-cookie')!.split(';')[0]!;
    };
    cookies.anna = await join('Anna Bakker', 'anna@example.nl');
    cookies.emre = await join('Emre Öztürk', 'emre.o@example.nl');
    const ggzOf = (name: string) => d.sections.find((s) => s.catalogueId === 'ggz' && s.subjectPersonId === person(name))!.id;
    for (const [me, other] of [
      ['anna', 'Emre Öztürk'],
      ['emre', 'Anna Bakker'],
    ] as const) {
      const seen = await detail(me, caseId);
      const ids = seen.sections.map((s) => s.id);
      expect(ids).toContain(ggzOf(me === 'anna' ? 'Anna Bakker' : 'Emre Öztürk'));
      expect(ids).not.toContain(ggzOf(other));
      expect(seen.sections.filter((s) => s.catalogueId.startsWith('r-'))).toEqual([]);
      expect(seen.sections.filter((s) => s.catalogueId === 'gezondheid-jeugdige')).toHaveLength(2);
    }
    const client = connectSection(server.ws, caseId, ggzOf('Emre Öztürk'), cookies.anna!);
    expect(await within(client.closed, 3000, 'the mother’s socket on the father’s GGZ to close')).toBe(CloseCode.forbidden);
    client.destroy();
  });

  it('a person someone signs in as is not removed while that participant is in the case', async () => {
    const res = await as('regisseur', 'DELETE', '/api/cases/demo/persons/p-sanne');
    expect(res.status).toBe(409);
    expect((await detail('regisseur', 'demo')).persons.map((p) => p.id)).toContain('p-sanne');
  });
});
