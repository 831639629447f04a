import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogView } from '../../shared/api.ts';
import { addDays, dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { waitFor } from '../support/syncClient.ts';
import { storesToTry } from '../support/tafelServer.ts';

/** Looks by Karim (VT) at the plan, at moments around Dutch midnights: UTC instant → Dutch day. */
const LOOKS: Record<string, string> = {
  '2026-11-30T22:59:59.000Z': '2026-11-30',
  '2026-11-30T23:00:00.000Z': '2026-12-01',
  '2026-12-01T22:59:59.999Z': '2026-12-01',
  '2026-12-01T23:00:00.000Z': '2026-12-02',
  // Summer time: two hours ahead of UTC.
  '2026-06-30T21:59:59.000Z': '2026-06-30',
  '2026-06-30T22:00:00.000Z': '2026-07-01',
  // The day the clocks go forward has 23 hours.
  '2026-03-28T22:59:59.000Z': '2026-03-28',
  '2026-03-28T23:00:00.000Z': '2026-03-29',
  '2026-03-29T21:59:59.000Z': '2026-03-29',
  '2026-03-29T22:00:00.000Z': '2026-03-30',
};

describe.each(storesToTry('audit period'))('the log by period, one entry per copy, one’s own actions only when asked ($store)', ({ options }) => {
  const { server, cookie } = signedInTafel(['regisseur', 'moeder', 'vt'], options);
  const sockets: RawYClient[] = [];
  const get = (who: string, url: string) => fetch(`${server.http}${url}`, { headers: { cookie: cookie[who]! } });
  const logOf = async (who: string, query = '') => {
    const res = await get(who, `/api/cases/demo/audit${query}`);
    expect(res.status).toBe(200);
    return AuditLogView.parse(await res.json());
  };
  /** The Dutch days of the test's own looks that a log shows; looks of one day are one entry that counts them. */
  const daysIn = (log: AuditLogView) =>
    log.entries
      .filter((e) => e.at in LOOKS)
      .flatMap((e) => Array<string>((e.sections ?? []).reduce((n, s) => n + (s.times ?? 1), 0)).fill(LOOKS[e.at]!))
      .sort();
  const expected = (from: string, to: string) =>
    Object.values(LOOKS)
      .filter((d) => d >= from && d <= to)
      .sort();

  beforeAll(async () => {
    const { sql } = server.tafel.services;
    const rows = Object.keys(LOOKS).map((at) => ({
      at,
      event: 'sectie-bekeken',
      case_id: 'demo',
      section_id: 'plan',
      user_id: 'vt',
      role: 'veilig_thuis',
      organisation_id: 'veilig-thuis-flevoland',
      on_behalf_of: null,
      detail: null,
    }));
    await sql.write([sql.db.insertInto('audit_events').values(rows)]);
  });
  afterAll(async () => {
    for (const c of sockets) c.close();
  });

  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026-11-30', '2026-12-01'],
    ['2026-07-01', '2026-07-01'],
    ['2026-06-30', '2026-06-30'],
    ['2026-03-29', '2026-03-29'],
    ['2026-03-28', '2026-03-30'],
  ])('from %s to %s holds exactly the looks of those Dutch days, for the regisseur and the mother', async (from, to) => {
    for (const who of ['regisseur', 'moeder']) {
      expect(daysIn(await logOf(who, `?from=${from}&to=${to}`))).toEqual(expected(from, to));
    }
  });

  it('either end may be left open', async () => {
    expect(daysIn(await logOf('regisseur', '?from=2026-12-02'))).toEqual(['2026-12-02']);
    expect(daysIn(await logOf('regisseur', '?to=2026-06-30'))).toEqual(expected('0000-01-01', '2026-06-30'));
    expect(daysIn(await logOf('moeder'))).toEqual(expected('0000-01-01', '9999-12-31'));
  });

  it.each([
    ['?from=2026-02-30', 'from'],
    ['?to=1-12-2026', 'to'],
    ['?from=gisteren&to=2026-12-01', 'from'],
    ['?from=2026-12-02&to=2026-12-01', 'to'],
  ])('%s is refused with 400 naming %s', async (query, field) => {
    const res = await get('moeder', `/api/cases/demo/audit${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe(field);
    expect(body.error.message).toMatch(/datum/i);
  });

  it('a download is one entry; the mother sees her own download and look only when she asks, the regisseur sees them', async () => {
    expect((await get('moeder', '/api/cases/demo/export')).status).toBe(200);
    expect((await get('moeder', '/api/cases/demo/export?format=pdf')).status).toBe(200);
    expect((await get('vt', '/api/cases/demo/export')).status).toBe(200);
    const look = new RawYClient(`${server.ws}/sync/demo/plan`, cookie.moeder!);
    sockets.push(look);
    await look.socket.opened;
    look.requestState();
    await waitFor(() => look.documentBytes > 0, 5000, 'mother reads the plan');
    const rows = server.tafel.services.audit;
    const deadline = Date.now() + 5000;
    while (!(await rows.forCase('demo')).some((r) => r.user_id === 'moeder' && r.event === 'sectie-bekeken')) {
      if (Date.now() > deadline) throw new Error('the mother’s look was not logged');
      await new Promise((r) => setTimeout(r, 50));
    }
    const motherSections = (await (await get('moeder', '/api/cases/demo')).json()) as { sections: unknown[] };

    const full = await logOf('regisseur');
    const hers = full.entries.filter((e) => e.event === 'export' && e.who === 'Sanne de Groot');
    expect(hers).toHaveLength(2);
    for (const e of hers) expect(e.sections).toHaveLength(motherSections.sections.length);
    expect(full.entries.some((e) => e.event === 'sectie-bekeken' && e.who === 'Sanne de Groot')).toBe(true);

    expect((await logOf('moeder')).entries.filter((e) => e.who === 'Sanne de Groot')).toEqual([]);
    const own = await logOf('moeder', '?own=true');
    expect(own.entries.filter((e) => e.who === 'Sanne de Groot' && e.event === 'export')).toHaveLength(2);
    expect(own.entries.filter((e) => e.who === 'Sanne de Groot' && e.event === 'sectie-bekeken').flatMap((e) => e.sections!.map((s) => s.id))).toEqual(['plan']);
    const karims = own.entries.filter((e) => e.event === 'export' && e.who === 'Karim El Amrani');
    expect(karims).toHaveLength(1);
    expect(karims[0]!.sectionId).toBeNull();

    // "Ook wat ik zelf deed" is a choice for the regisseur too, off unless she asks.
    expect((await get('regisseur', '/api/cases/demo/export')).status).toBe(200);
    const evas = (log: AuditLogView) => log.entries.filter((e) => e.event === 'export' && e.who === 'Eva Jansen');
    expect(evas(await logOf('regisseur'))).toEqual([]);
    expect(evas(await logOf('regisseur', '?own=true'))).toHaveLength(1);
    expect(evas(await logOf('moeder'))).toHaveLength(1);

    // Today's copy is in today's period and not in tomorrow's.
    const today = dateInNetherlands(new Date());
    expect((await logOf('moeder', `?from=${today}&to=${today}`)).entries.filter((e) => e.event === 'export')).toHaveLength(2);
    expect((await logOf('moeder', `?from=${addDays(today, 1)}`)).entries).toEqual([]);
  });
  it('an empty period names the month of the entries before it that the reader may see, never of one she may not', async () => {
    // Karim looks at Murat's GGZ section in January: the regisseur may know, the mother may not.
    const { sql } = server.tafel.services;
    await sql.write([
      sql.db.insertInto('audit_events').values({
        at: '2027-01-15T10:00:00.000Z',
        event: 'sectie-bekeken',
        case_id: 'demo',
        section_id: 'ggz-murat',
        user_id: 'vt',
        role: 'veilig_thuis',
        organisation_id: 'veilig-thuis-flevoland',
        on_behalf_of: null,
        detail: null,
      }),
    ]);
    const february = '?from=2027-02-01&to=2027-02-28';
    const hers = await logOf('moeder', february);
    expect(hers.entries).toEqual([]);
    expect(hers.earlier).toBe('2026-12');
    expect((await logOf('regisseur', february)).earlier).toBe('2027-01');
    // A period with entries, and one with nothing before it, point nowhere.
    expect((await logOf('moeder', '?from=2026-12-01&to=2026-12-31')).earlier).toBeNull();
    expect((await logOf('moeder', '?from=2026-01-01&to=2026-01-31')).earlier).toBeNull();
  });
});
