import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { demoAccess, storedUpdates } from '../support/demoAccess.ts';
import { RawYClient } from '../support/rawYClient.ts';
import { waitFor } from '../support/syncClient.ts';
import { type RunningTafel, startTafel } from '../support/tafelServer.ts';

/**
 * Hand-written expectations for the legal locks, so a change to the policy table cannot quietly
 * open them: account → sections that must be closed to it.
 */
const MUST_BE_CLOSED: Record<string, (sectionId: string) => boolean> = {
  moeder: (id) => id.startsWith('r-') || id === 'ggz-murat',
  vader: (id) => id.startsWith('r-') || id === 'ggz-sanne',
  jeugdige: (id) => id.startsWith('r-') || id.startsWith('ggz-'),
  oma: (id) => id !== 'veiligheidsplan',
  regisseur: (id) => id === 'r-melder' || (id.startsWith('r-werkaantekeningen-') && id !== 'r-werkaantekeningen-lokaal-team-almere'),
  raad: (id) => id === 'r-melder' || (id.startsWith('r-werkaantekeningen-') && id !== 'r-werkaantekeningen-raad-kinderbescherming'),
  gi: (id) => id === 'r-melder' || (id.startsWith('r-werkaantekeningen-') && id !== 'r-werkaantekeningen-jeugdbescherming-flevoland'),
  gw: (id) => id === 'r-melder' || (id.startsWith('r-werkaantekeningen-') && id !== 'r-werkaantekeningen-lokaal-team-almere'),
  vt: (id) => id.startsWith('r-werkaantekeningen-') && id !== 'r-werkaantekeningen-veilig-thuis-flevoland',
};

describe('every demo account × every section, at the wire', () => {
  let server: RunningTafel;
  let cookies: Map<string, string>;
  let expected: { account: string; sectionId: string; level: AccessLevel }[];

  beforeAll(async () => {
    server = await startTafel();
    ({ cookies, levels: expected } = await demoAccess(server));
  });
  afterAll(() => server.close());

  it('the policy table respects the hand-written legal locks', () => {
    expect(expected.length).toBeGreaterThan(200);
    for (const { account, sectionId, level } of expected) {
      if (MUST_BE_CLOSED[account]!(sectionId)) expect({ account, sectionId, level }).toEqual({ account, sectionId, level: 'none' });
    }
    // Family members do read their own plan.
    expect(expected.find((e) => e.account === 'moeder' && e.sectionId === 'plan')?.level).toBe('comment');
    expect(expected.find((e) => e.account === 'moeder' && e.sectionId === 'ggz-sanne')?.level).toBe('comment');
    expect(expected.find((e) => e.account === 'vt' && e.sectionId === 'r-melder')?.level).toBe('edit');
  });

  const storedCount = (sectionId: string) => storedUpdates(server, sectionId);

  it('each account gets exactly its level on every section', async () => {
    const url = (id: string) => `${server.ws}/sync/demo/${id}`;
    for (const { account, sectionId, level } of expected) {
      const cookie = cookies.get(account)!;
      const label = `${account} on ${sectionId} (${level})`;
      const client = new RawYClient(url(sectionId), cookie);
      if (level === 'none') {
        const { code } = await client.socket.closed;
        expect(code, label).toBe(CloseCode.forbidden);
        expect(client.socket.received, label).toHaveLength(0);
        continue;
      }
      await client.socket.opened;
      client.requestState();
      await waitFor(() => client.documentBytes > 0, 5000, `${label}: content`);
      expect(client.text().length, label).toBeGreaterThan(0);
      const before = await storedCount(sectionId);
      if (level === 'edit') {
        const watcher = new RawYClient(url(sectionId), cookie);
        await watcher.socket.opened;
        watcher.requestState();
        await waitFor(() => watcher.documentBytes > 0, 5000, `${label}: watcher content`);
        client.write(`door ${account}`);
        await waitFor(() => watcher.text().includes(`door ${account}`), 5000, `${label}: relayed`);
        expect(await storedCount(sectionId), label).toBe(before + 1);
        watcher.close();
        client.close();
      } else {
        const watcher = new RawYClient(url(sectionId), cookies.get('vt')!);
        const watcherOpen = expected.find((e) => e.account === 'vt' && e.sectionId === sectionId)!.level !== 'none';
        if (watcherOpen) {
          await watcher.socket.opened;
          watcher.requestState();
          await waitFor(() => watcher.documentBytes > 0, 5000, `${label}: watcher content`);
        }
        client.write(`stiekem door ${account}`);
        const { code } = await client.socket.closed;
        expect(code, label).toBe(CloseCode.readOnly);
        expect(await storedCount(sectionId), label).toBe(before);
        if (watcherOpen) {
          await new Promise((r) => setTimeout(r, 30));
          expect(watcher.text(), label).not.toContain(`stiekem door ${account}`);
          expect(watcher.updatesReceived, label).toBe(0);
        }
        watcher.close();
      }
    }
  }, 120_000);
});
