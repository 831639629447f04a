import { describe, expect, it } from 'vitest';
import { AuditLogView, CaseDetail } from '../../shared/api.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { storesToTry } from '../support/tafelServer.ts';

/** An organisation id made to look like a name ("lokaal team almere", in lower case): never what anyone reads. */
const ID_AS_NAME = /lokaal team almere|veilig thuis flevoland|raad kinderbescherming|jeugdbescherming flevoland/;
const LOKAAL_TEAM = 'Sociaal wijkteam Almere Haven';

describe.each(storesToTry('organisation names'))('people and own sections are labelled with the organisation’s name ($store)', ({ options }) => {
  const { api } = signedInTafel(['regisseur', 'vt', 'moeder'], options);
  const detailOf = async (who: string) => {
    const res = await api(who, 'GET', '/api/cases/demo');
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, detail: CaseDetail.parse(JSON.parse(text)) };
  };

  it.each(['regisseur', 'vt', 'moeder'])('%s reads each professional’s organisation by name, and none for the family', async (who) => {
    const { text, detail } = await detailOf(who);
    const byName = new Map(detail.participants.map((p) => [p.name, p.organisation]));
    expect(byName.get('Eva Jansen')).toBe(LOKAAL_TEAM);
    expect(byName.get('Karim El Amrani')).toBe('Veilig Thuis Flevoland');
    expect(byName.get('Ingrid Visser')).toBe('Raad voor de Kinderbescherming, regio Midden-Nederland');
    expect(byName.get('Tom Bos')).toBe('Jeugdbescherming Flevoland');
    for (const family of ['Sanne de Groot', 'Murat Yilmaz', 'Noa Yilmaz', 'Ria de Groot']) expect(byName.get(family)).toBeNull();
    expect(detail.me.organisation).toBe(who === 'moeder' ? null : byName.get(detail.me.name));
    expect(text).not.toMatch(ID_AS_NAME);
  });

  it('an organisation’s own section is titled with its name', async () => {
    const { detail } = await detailOf('regisseur');
    expect(detail.sections.find((s) => s.id === 'r-werkaantekeningen-lokaal-team-almere')?.title).toBe(`Werkaantekeningen (${LOKAAL_TEAM})`);
    const vt = (await detailOf('vt')).detail;
    expect(vt.sections.find((s) => s.id === 'r-werkaantekeningen-veilig-thuis-flevoland')?.title).toBe('Werkaantekeningen (Veilig Thuis Flevoland)');
  });

  it('“who looked at my file” names the organisation of who looked, and the full log none for the family', async () => {
    expect((await api('regisseur', 'GET', '/api/cases/demo/export?format=html')).status).toBe(200);
    expect((await api('moeder', 'GET', '/api/cases/demo/overview')).status).toBe(200);
    const mine = await api('moeder', 'GET', '/api/cases/demo/audit');
    const text = await mine.text();
    const copies = AuditLogView.parse(JSON.parse(text)).entries.filter((e) => e.event === 'export' && e.who === 'Eva Jansen');
    expect(copies.length).toBeGreaterThan(0);
    for (const e of copies) expect(e.organisation).toBe(LOKAAL_TEAM);
    expect(text).not.toMatch(ID_AS_NAME);

    const full = AuditLogView.parse(await (await api('regisseur', 'GET', '/api/cases/demo/audit')).json());
    const sanne = full.entries.filter((e) => e.who === 'Sanne de Groot');
    expect(sanne.length).toBeGreaterThan(0);
    for (const e of sanne) expect(e.organisation).toBeNull();
  });
});
