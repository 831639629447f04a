import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/api.ts';
import type { CaseOverview } from '../../shared/overview.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { connectSection, insertBlock, type SectionClient, within } from '../support/syncClient.ts';
import { demoEmail, signIn } from '../support/tafelServer.ts';

const oma = { naam: 'Oma Ria', personId: 'p-ria', userId: 'oma' };
const moeder = { naam: 'Sanne (moeder)', personId: 'p-sanne', userId: 'moeder' };
const agreement = (id: string, partijen: object[]) => ({
  id,
  wat: 'We bellen elke vrijdag even met elkaar.',
  wie: 'Sanne en oma Ria',
  vanaf: '2026-12-01',
  deadline: null,
  controle: 'De regisseur vraagt het na.',
  alsNiet: 'We bespreken het aan tafel.',
  status: 'open',
  partijen,
  toelichting: '',
});

/** Resolves with the reason the server gave when it closed the socket. */
const closeReason = (client: SectionClient) =>
  new Promise<string>((resolve) => client.provider.on('connection-close', (e: CloseEvent | null) => resolve(String(e?.reason ?? ''))));

describe('a party of an agreement can read its section, so can confirm it', () => {
  const { server, cookie: cookies, api } = signedInTafel(['regisseur', 'moeder', 'oma']);
  const agreementIds = async (who: string) => ((await (await api(who, 'GET', '/api/cases/demo/overview')).json()) as CaseOverview).afspraken.map((a) => a.id);

  it('every party of every demo agreement can read the section it is in', async () => {
    const plan = (await (await api('regisseur', 'GET', '/api/cases/demo/overview')).json()) as CaseOverview;
    expect(plan.afspraken.length).toBeGreaterThan(0);
    const readable: Record<string, Set<string>> = {};
    for (const a of plan.afspraken) {
      for (const p of a.partijen) {
        if (!p.userId) continue;
        cookies[p.userId] ??= await signIn(server.http, demoEmail(p.userId));
        readable[p.userId] ??= new Set(((await (await api(p.userId, 'GET', '/api/cases/demo')).json()) as CaseDetail).sections.map((s) => s.id));
        expect([p.userId, readable[p.userId]!.has(a.sectionId)]).toEqual([p.userId, true]);
      }
    }
  });

  it('naming oma in an agreement in "Doelen en acties", which she cannot read, is refused at the wire', async () => {
    const eva = connectSection(server.ws, 'demo', 'plan', cookies.regisseur!);
    await eva.synced;
    const reason = closeReason(eva);
    insertBlock(eva, 'afspraak', agreement('afspraak-bellen-oma', [moeder, oma]));
    expect(await within(eva.closed, 5000, 'the socket to close')).toBe(CloseCode.invalidContent);
    expect(await reason).toContain('Oma Ria kan dit onderdeel niet lezen');
    eva.destroy();
    expect(await agreementIds('regisseur')).not.toContain('afspraak-bellen-oma');
  });

  it('naming only readers is stored; once oma may read the plan, she can be named and confirm', async () => {
    const eva = connectSection(server.ws, 'demo', 'plan', cookies.regisseur!);
    await eva.synced;
    insertBlock(eva, 'afspraak', agreement('afspraak-bellen-sanne', [moeder]));
    for (let i = 0; i < 50 && !(await agreementIds('regisseur')).includes('afspraak-bellen-sanne'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await agreementIds('regisseur')).toContain('afspraak-bellen-sanne');

    // The regisseur lets oma read the plan while her socket stays open: it takes the new readers.
    const granted = await api('regisseur', 'POST', '/api/cases/demo/grants', { sectionId: 'plan', userId: 'oma', level: 'read', reason: 'Oma komt mee aan tafel' });
    expect(granted.status).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 500));
    insertBlock(eva, 'afspraak', agreement('afspraak-bellen-oma-2', [moeder, oma]));
    for (let i = 0; i < 50 && !(await agreementIds('oma')).includes('afspraak-bellen-oma-2'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await agreementIds('oma')).toContain('afspraak-bellen-oma-2');
    const confirmed = await api('oma', 'POST', '/api/cases/demo/confirmations', { sectionId: 'plan', blockId: 'afspraak-bellen-oma-2' });
    expect(confirmed.status).toBe(200);
    eva.destroy();
  });
});
