import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogView } from '../../shared/api.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { demoEmail, type RunningTafel, requestAs, signIn, startTafel } from '../support/tafelServer.ts';

const run = promisify(execFile);

describe('npm run crisisdienst: the operator decides who may start emergency access', () => {
  let server: RunningTafel;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tafel-crisis-'));
  // The same store as the server: SQLite in its data dir.
  const { DATABASE_URL: _, ...env } = process.env;
  const crisisdienst = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/admin/crisisStaff.ts', ...args], { env: { ...env, TAFEL_DATA_DIR: dataDir } }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );

  beforeAll(async () => {
    // Looks often for accesses the command ended, so a test can wait for it.
    server = await startTafel({ dataDir, settings: { TAFEL_EMERGENCY_SWEEP_MS: '200' } });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a new crisis worker, who signs in with the printed password and can start it; removed, she cannot, and what she had open closes', async () => {
    const added = await crisisdienst('add', 'nacht@crisisdienst.nl', 'Joost de Nacht', 'veilig_thuis', 'crisisdienst-flevoland');
    expect(added.code).toBe(0);
    const password = /wachtwoord veilig door: (\S+)/.exec(added.out)?.[1];
    expect(password).toBeDefined();
    expect((await crisisdienst('list')).out).toContain('nacht@crisisdienst.nl\tJoost de Nacht\tveilig_thuis\tcrisisdienst-flevoland');

    const cookie = await signIn(server.http, 'nacht@crisisdienst.nl', password);
    const start = () => requestAs(server.http, cookie, 'POST', '/api/emergency-access', { caseId: 'demo', reason: 'Melding van de politie vannacht, kinderen in gevaar.' });
    const started = await start();
    expect(started.status).toBe(201);
    const plan = new RawYClient(`${server.ws}/sync/demo/veiligheidsplan`, cookie);
    await plan.socket.opened;
    plan.requestState();
    await waitFor(() => plan.documentBytes > 0, 5000, 'reads the plan');

    // The command cannot reach the running server: the server finds the ended access itself.
    const removed = await crisisdienst('remove', 'nacht@crisisdienst.nl');
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('Lopende noodtoegang beëindigd in 1 zaak');
    expect((await requestAs(server.http, cookie, 'GET', '/api/cases/demo')).status).toBe(404);
    const removedAt = Date.now();
    expect((await plan.socket.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - removedAt).toBeLessThan(3000);
    // Nothing typed after that reaches her: the socket is gone, and she cannot open a new one.
    const again = new RawYClient(`${server.ws}/sync/demo/veiligheidsplan`, cookie);
    expect((await again.socket.closed).code).toBe(CloseCode.notFound);
    expect((await start()).status).toBe(403);

    const regisseur = await signIn(server.http, demoEmail('regisseur'));
    const log = AuditLogView.parse(await (await requestAs(server.http, regisseur, 'GET', '/api/cases/demo/audit')).json());
    expect(log.entries).toContainEqual(expect.objectContaining({ event: 'noodtoegang-beeindigd', detail: 'Joost de Nacht (niet meer bij de crisisdienst)' }));
  });

  it('refuses a family role and says what it expects', async () => {
    const res = await crisisdienst('add', 'oom@voorbeeld.nl', 'Oom Kees', 'ouder', 'gezin');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^gebruik: add <e-mail> <naam> <rol: regisseur\|veilig_thuis/);
    expect((await crisisdienst('list')).out).not.toContain('oom@voorbeeld.nl');
  });
});
