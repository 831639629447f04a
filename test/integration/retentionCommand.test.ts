import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const run = promisify(execFile);

describe('npm run beheer: the operator sets an organisation’s term and runs the retention job', () => {
  let server: RunningTafel;
  let regisseur: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-retention-'));
  // The same store as the server: SQLite in its data dir.
  const { DATABASE_URL: _, TAFEL_RETENTION_YEARS: __, ...env } = process.env;
  const beheer = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/admin/beheer.ts', ...args], { env: { ...env, TAFEL_DATA_DIR: dataDir } }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );

  beforeAll(async () => {
    server = await startTafel({ dataDir });
    regisseur = await signIn(server.http, demoEmail('regisseur'));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a case closed 40 years ago stays under a 50-year term of its organisation and goes under the default', async () => {
    const started = await requestAs(server.http, regisseur, 'POST', '/api/cases', { title: 'Gezin Oud', region: 'flevoland', persons: [{ name: 'Anna Oud', kind: 'volwassene' }] });
    const { id } = (await started.json()) as { id: string };
    expect((await requestAs(server.http, regisseur, 'POST', `/api/cases/${id}/close`, { reason: 'De hulp is afgerond en het gaat goed.' })).status).toBe(200);
    const longAgo = new Date(Date.now() - 40 * 365.25 * 86_400_000).toISOString();
    await server.tafel.services.sql.db.updateTable('cases').set({ closed_at: longAgo }).where('id', '=', id).execute();

    const tooShort = await beheer('termijn', 'lokaal-team-almere', '12');
    expect([tooShort.code, tooShort.err.trim()]).toEqual([1, 'De bewaartermijn is minstens 15 jaar.']);
    expect((await beheer('termijn', 'bestaat-niet', '30')).code).toBe(1);
    const set = await beheer('termijn', 'lokaal-team-almere', '50');
    expect([set.code, set.out.trim()]).toEqual([0, 'lokaal-team-almere bewaart zaken 50 jaar na het sluiten.']);
    expect((await beheer('bewaartermijn')).out).toMatch(/^0 zaak\/zaken voorbij hun bewaartermijn/);
    expect((await beheer('vernietig-verlopen', '--ja')).out).toMatch(/^0 zaak\/zaken vernietigd/);
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(200);

    expect((await beheer('termijn', 'lokaal-team-almere', 'standaard')).out.trim()).toBe('lokaal-team-almere bewaart zaken de standaardtermijn (20 jaar).');
    const due = await beheer('bewaartermijn');
    expect(due.out).toContain(`${id}\tgesloten ${longAgo.slice(0, 10)}\ttermijn 20 jaar`);
    // Without --ja nothing goes.
    expect((await beheer('vernietig-verlopen')).out).toContain('Vernietigen doe je met: vernietig-verlopen --ja');
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(200);
    const destroyed = await beheer('vernietig-verlopen', '--ja');
    expect(destroyed.out).toContain(`1 zaak/zaken vernietigd.\n${id}`);
    expect((await requestAs(server.http, regisseur, 'GET', `/api/cases/${id}`)).status).toBe(404);
    const logged = await server.tafel.services.sql.db.selectFrom('audit_events').select('event').where('event', 'in', ['bewaartermijn-gewijzigd', 'zaak-vernietigd']).execute();
    expect(logged.map((l) => l.event).sort()).toEqual(['bewaartermijn-gewijzigd', 'bewaartermijn-gewijzigd', 'zaak-vernietigd']);
    // Nine runs of the command, each a Node process of its own: seconds apiece on a busy machine.
  }, 180_000);
});
