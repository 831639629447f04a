import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewView } from '../../shared/review.ts';
import { ApprovalMark, SinceApproval, VersionSummary } from '../../shared/sinceApproval.ts';
import { VersionView } from '../../shared/history.ts';
import { type RunningTafel, requestAs, serverEdit, signIn, startTafel, storesToTry } from '../support/tafelServer.ts';

const SECTION = '/api/cases/demo/sections/aanleiding';

/** Replaces the first occurrence of `from` in the section's text with `to`, as one stored change. */
function replaceWords(server: RunningTafel, sectionId: string, from: string, to: string) {
  return serverEdit(server, sectionId, (fragment) => {
    for (const node of fragment.createTreeWalker((n) => n instanceof Y.XmlText)) {
      const text = node as Y.XmlText;
      // The plain text, without the marks that toString() writes as tags.
      const plain = (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
      const at = plain.indexOf(from);
      if (at < 0) continue;
      text.delete(at, from.length);
      text.insert(at, to);
      return;
    }
    throw new Error(`"${from}" not found`);
  });
}

describe.each(storesToTry('since my approval'))('the reviewer reads what changed since her approval ($store)', ({ options }) => {
  let server: RunningTafel;
  const cookie: Record<string, string> = {};
  const as = (who: string, method: string, url: string, body?: unknown) => requestAs(server.http, cookie[who]!, method, url, body);

  beforeAll(async () => {
    server = await startTafel(options);
    for (const a of ['regisseur', 'gw', 'moeder', 'oma']) cookie[a] = await signIn(server.http, `${a}@demo.tafel`);
    expect((await as('regisseur', 'POST', `${SECTION}/status`, { to: 'review' })).status).toBe(200);
    expect((await as('gw', 'POST', `${SECTION}/status`, { to: 'goedgekeurd' })).status).toBe(200);
  });
  afterAll(() => server.close());

  it('before any change, the approved version is marked and nothing differs', async () => {
    const marks = ApprovalMark.array().parse(await (await as('gw', 'GET', `${SECTION}/approvals`)).json());
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ by: 'Lotte Hendriks', withdrawnAt: null });
    const versions = VersionView.array().parse(await (await as('gw', 'GET', `${SECTION}/versions`)).json());
    expect(versions.map((v) => v.id)).toContain(marks[0]!.versionId);
    const since = SinceApproval.parse(await (await as('gw', 'GET', `${SECTION}/since-approval`)).json());
    expect(since.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, blocksChanged: 0 });
  });

  it('after an edit withdraws the approval, the diff shows exactly the changed words', async () => {
    await replaceWords(server, 'aanleiding', 'hard ruzie maakten', 'zachtjes praatten');
    await expect
      .poll(async () => ReviewView.parse(await (await as('gw', 'GET', `${SECTION}/review`)).json()).approval?.withdrawnAt ?? null, { timeout: 10_000 })
      .not.toBeNull();
    const since = SinceApproval.parse(await (await as('gw', 'GET', `${SECTION}/since-approval`)).json());
    expect(since.approval).toMatchObject({ by: 'Lotte Hendriks', withdrawnBy: 'Eva Jansen' });
    const changed = since.detail.diff.filter((b) => b.runs.some((r) => r.kind !== 'same'));
    expect(changed).toHaveLength(1);
    const added = changed[0]!.runs.filter((r) => r.kind === 'added').map((r) => r.text.trim()).join(' ');
    const removed = changed[0]!.runs.filter((r) => r.kind === 'removed').map((r) => r.text.trim()).join(' ');
    expect(added).toBe('zachtjes praatten');
    expect(removed).toBe('hard ruzie maakten');
    expect(changed[0]!.runs.find((r) => r.kind === 'added')!.by?.name).toBe('Eva Jansen');
    expect(since.summary).toEqual({ wordsAdded: 2, wordsRemoved: 3, blocksChanged: 1 });
    // The newest version says in one line what it changed against the one before.
    const summaries = VersionSummary.array().parse(await (await as('gw', 'GET', `${SECTION}/version-summaries`)).json());
    const versions = VersionView.array().parse(await (await as('gw', 'GET', `${SECTION}/versions`)).json());
    expect(summaries.find((v) => v.versionId === versions[0]!.id)?.summary).toEqual({ wordsAdded: 2, wordsRemoved: 3, blocksChanged: 1 });
    // The first version (the seed) added everything it holds.
    expect(summaries.find((v) => v.versionId === versions.at(-1)!.id)?.summary.wordsRemoved).toBe(0);
    // The rest of the paragraph is unchanged text around it.
    expect(changed[0]!.runs.filter((r) => r.kind === 'same').map((r) => r.text).join('')).toContain('Daan vertelde zijn juf dat papa en mama');
  });

  it('someone who may not read the section gets the same 404 as for one without an approval', async () => {
    expect((await as('oma', 'GET', `${SECTION}/since-approval`)).status).toBe(404);
    expect((await as('oma', 'GET', `${SECTION}/approvals`)).status).toBe(404);
    expect((await as('oma', 'GET', `${SECTION}/version-summaries`)).status).toBe(404);
    expect((await as('gw', 'GET', '/api/cases/demo/sections/evaluatie/since-approval')).status).toBe(404);
    expect((await as('moeder', 'GET', '/api/cases/demo/sections/ggz-murat/approvals')).status).toBe(404);
  });
});
