import { describe, expect, it } from 'vitest';
import { CaseSummary } from '../../shared/api.ts';
import { FamilyHome } from '../../shared/familyHome.ts';
import { CaseOverview } from '../../shared/overview.ts';
import { signedInTafel } from '../support/signedInTafel.ts';

/** "An agreement waiting for my confirmation" is one rule: Thuis, "Ons plan" and "Mijn zaken" name the same ones. */
describe('the agreements waiting for the mother’s confirmation', () => {
  const { api } = signedInTafel(['moeder']);
  const waiting = async () => {
    const home = FamilyHome.parse(await (await api('moeder', 'GET', '/api/cases/demo/home')).json());
    const overview = CaseOverview.parse(await (await api('moeder', 'GET', '/api/cases/demo/overview')).json());
    const cases = CaseSummary.array().parse(await (await api('moeder', 'GET', '/api/cases')).json());
    const demo = cases.find((c) => c.id === 'demo');
    return {
      thuis: home.tasks.filter((t) => t.toConfirm).map((t) => t.id).sort(),
      plan: [...overview.waitingForMe].sort(),
      zaken: (demo?.items ?? []).filter((i) => i.kind === 'bevestigen').map((i) => i.id).sort(),
      kept: overview.afspraken.filter((a) => a.status === 'nagekomen' && a.partijen.some((p) => p.userId === 'moeder' && p.bevestigdOp === null)).map((a) => a.id),
    };
  };

  it('are the same on all three pages, and a kept ("Nagekomen") agreement is not one of them', async () => {
    const w = await waiting();
    expect(w.thuis.length).toBeGreaterThan(0);
    expect(w.plan).toEqual(w.thuis);
    expect(w.zaken).toEqual(w.thuis);
    // The demo has one kept agreement she never confirmed: oma Ria can be reached.
    expect(w.kept.length).toBeGreaterThan(0);
    for (const id of w.kept) expect(w.plan).not.toContain(id);
  });

  it('once she confirms one, it leaves all three at once', async () => {
    const before = await waiting();
    const [first] = before.plan;
    const overview = CaseOverview.parse(await (await api('moeder', 'GET', '/api/cases/demo/overview')).json());
    const agreement = overview.afspraken.find((a) => a.id === first)!;
    const res = await api('moeder', 'POST', '/api/cases/demo/confirmations', { sectionId: agreement.sectionId, blockId: first });
    expect(res.status).toBe(200);
    const after = await waiting();
    expect(after.plan).toEqual(before.plan.filter((id) => id !== first));
    expect(after.thuis).toEqual(after.plan);
    expect(after.zaken).toEqual(after.plan);
  });
});
