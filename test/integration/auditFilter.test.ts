import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogView } from '../../shared/api.ts';
import { DEMO_CRISIS_WORKER } from '../../server/seed/demoCase.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, requestAs, startTafel, storesToTry } from '../support/tafelServer.ts';

/** VT's own working notes: only Veilig Thuis reads them. */
const VT_NOTES = 'r-werkaantekeningen-veilig-thuis-flevoland';
/** Everything that would name what VT opened in a section the regisseur cannot read. */
const NAMES_MELDER = /r-melder|Melder en bronnen/i;
const NAMES_VT_NOTES = /r-werkaantekeningen|Werkaantekeningen \(Veilig Thuis Flevoland\)/i;

describe.each(storesToTry('audit filter'))('the audit log shows each reader only what they may read ($store)', ({ options }) => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const sockets: RawYClient[] = [];
  const api = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);
  const auditOf = async (who: string, query = '') => {
    const res = await api(who, 'GET', `/api/cases/demo/audit${query}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, log: AuditLogView.parse(JSON.parse(text)) };
  };
  /** Opens a section as this person and reads it, so the server logs the look. */
  const look = async (who: string, section: string, write?: string) => {
    const c = new RawYClient(`${server.ws}/sync/demo/${section}`, cookie[who]!);
    sockets.push(c);
    await c.socket.opened;
    c.requestState();
    await waitFor(() => c.documentBytes > 0, 5000, `${who} reads ${section}`);
    if (write) c.write(write);
    return c;
  };

  beforeAll(async () => {
    server = await startTafel(options);
    for (const who of ['regisseur', 'vt', 'moeder']) {
      const res = await fetch(`${server.http}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.http },
        body: JSON.stringify({ email: demoEmail(who), password: 'tafel-demo' }),
      });
      expect(res.status).toBe(200);
      cookie[who] = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    }
    await look('vt', 'r-melder', 'Aanvulling van Veilig Thuis');
    await look('vt', VT_NOTES);
    await look('vt', 'plan');
    expect((await api('vt', 'GET', '/api/cases/demo/overview')).status).toBe(200);
    // The looks are logged after the socket is let in: wait until VT's own log has all of them.
    const logged = async () => {
      const rows = await server.tafel.services.audit.forCase('demo');
      const mine = (event: string, section: string) => rows.some((r) => r.user_id === 'vt' && r.event === event && r.section_id === section);
      return mine('sectie-bekeken', 'r-melder') && mine('sectie-bekeken', VT_NOTES) && mine('sectie-bekeken', 'plan') && mine('sectie-bewerkt', 'r-melder');
    };
    const deadline = Date.now() + 5000;
    while (!(await logged())) {
      if (Date.now() > deadline) throw new Error('VT’s looks were not logged');
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    for (const c of sockets) c.close();
    await server.close();
  });

  /** Karim's looks of today as one reader is shown them: the sections listed, in the order he opened them. */
  const karimsLooks = async (who: string, query = '') => {
    const { log } = await auditOf(who, query);
    const looks = log.entries.filter((e) => e.event === 'sectie-bekeken' && e.who === 'Karim El Amrani');
    expect(looks).toHaveLength(1);
    return looks[0]!.sections!;
  };

  it('VT, asking for what it did itself, reads that Karim read 3 sections: r-melder and its own working notes among them', async () => {
    expect((await auditOf('vt')).log.entries.filter((e) => e.who === 'Karim El Amrani')).toEqual([]);
    const sections = await karimsLooks('vt', '?own=true');
    expect(sections.map((s) => s.id).sort()).toEqual(['plan', 'r-melder', VT_NOTES].sort());
    expect(sections.find((s) => s.id === 'r-melder')?.title).toBe('Melder en bronnen');
  });

  it('the regisseur and the mother read that Karim read 1 section: the count gives away no section they cannot read', async () => {
    for (const who of ['regisseur', 'moeder']) {
      expect(await karimsLooks(who)).toEqual([{ id: 'plan', title: 'Doelen en acties' }]);
    }
    // Nor on another page, in another period or with one's own actions: nothing else names or counts them.
    for (const query of ['?own=true', '?from=2000-01-01&to=2100-12-31&own=true', '?page=2']) {
      const { text } = await auditOf('moeder', query);
      expect(text).not.toMatch(NAMES_MELDER);
      expect(text).not.toMatch(NAMES_VT_NOTES);
    }
  });

  it('the regisseur’s full list has no entry naming r-melder or another organisation’s working notes', async () => {
    const { text, log } = await auditOf('regisseur');
    expect(log.scope).toBe('volledig');
    expect(text).not.toMatch(NAMES_MELDER);
    expect(text).not.toMatch(NAMES_VT_NOTES);
    for (const e of log.entries) expect([e.sectionId, e.sectionTitle, e.detail, ...(e.sections ?? []).flatMap((x) => [x.id, x.title])].join(' ')).not.toMatch(/melder|veilig thuis flevoland/i);
    // What the regisseur may read is all still there: VT's look at the plan, and case-level events.
    expect(log.entries.some((e) => e.event === 'sectie-bekeken' && e.sections?.some((x) => x.id === 'plan') && e.who === 'Karim El Amrani')).toBe(true);
    expect(log.entries.some((e) => e.event === 'overzicht-bekeken' && e.who === 'Karim El Amrani')).toBe(true);
  });

  it('the family’s “who looked at my file” names neither', async () => {
    const { text, log } = await auditOf('moeder');
    expect(log.scope).toBe('inzage');
    expect(text).not.toMatch(NAMES_MELDER);
    expect(text).not.toMatch(NAMES_VT_NOTES);
    expect(log.entries.some((e) => e.event === 'sectie-bekeken' && e.sections?.some((x) => x.id === 'plan'))).toBe(true);
  });

  it('a detail naming a section the reader cannot read is left out, for that reader only', async () => {
    cookie.crisis = await (async () => {
      const res = await fetch(`${server.http}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.http },
        body: JSON.stringify({ email: DEMO_CRISIS_WORKER.email, password: 'tafel-demo' }),
      });
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    })();
    const reason = 'Melding over acuut gevaar; de Melder en bronnen moeten we nog nagaan.';
    expect((await api('crisis', 'POST', '/api/emergency-access', { caseId: 'demo', reason })).status).toBe(201);
    const started = (who: string) => auditOf(who).then(({ log }) => log.entries.find((e) => e.event === 'noodtoegang'));

    // The regisseur and the family see that it started and by whom, but not this reason.
    for (const who of ['regisseur', 'moeder']) {
      const { text } = await auditOf(who);
      expect(text).not.toMatch(NAMES_MELDER);
      expect(await started(who)).toMatchObject({ who: DEMO_CRISIS_WORKER.name, detail: null });
    }
    // VT reads the melder section: the reason is shown to VT as it was written.
    expect((await started('vt'))?.detail).toBe(reason);
  });
});
