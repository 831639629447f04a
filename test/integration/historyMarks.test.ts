import { describe, expect, it } from 'vitest';
import { HistoryMark } from '../../shared/history.ts';
import { consentToPerson } from '../support/consents.ts';
import { signedInTafel } from '../support/signedInTafel.ts';

const marksOf = (res: Response) => res.json().then((body) => HistoryMark.array().parse(body));

/** The history of a section marks its status changes and shares, as each reader may know of them. */
describe('status changes and shares in the history of a section', () => {
  const { api } = signedInTafel(['moeder', 'vader', 'oma', 'regisseur', 'gw', 'raad']);
  const marks = async (who: string, sectionId: string) => {
    const res = await api(who, 'GET', `/api/cases/demo/sections/${sectionId}/history-marks`);
    expect(res.status, who).toBe(200);
    return marksOf(res);
  };
  const statusMoves = async (who: string, sectionId: string) =>
    (await marks(who, sectionId)).flatMap((m) => (m.kind === 'status' ? [`${m.from}>${m.to} ${m.by}`] : []));
  const shares = async (who: string, sectionId: string) =>
    (await marks(who, sectionId)).flatMap((m) => (m.kind === 'share' ? [`${m.basis}: ${m.with} door ${m.by}${m.withdrawnAt ? ' (ingetrokken)' : ''}`] : []));

  it('every status change with who and when for professionals; the family only those that change their own words', async () => {
    for (const [who, to] of [['regisseur', 'review'], ['gw', 'goedgekeurd'], ['regisseur', 'gedeeld']] as const) {
      expect((await api(who, 'POST', '/api/cases/demo/sections/aanleiding/status', { to })).status, to).toBe(200);
    }
    const all = ['concept>review Eva Jansen', 'review>goedgekeurd Lotte Hendriks', 'goedgekeurd>gedeeld Eva Jansen'];
    expect(await statusMoves('regisseur', 'aanleiding')).toEqual(all);
    expect(await statusMoves('raad', 'aanleiding')).toEqual(all);
    // "Nog niet klaar" stays "Nog niet klaar" through review and approval: she reads the one step that is hers.
    expect(await statusMoves('moeder', 'aanleiding')).toEqual(['goedgekeurd>gedeeld Eva Jansen']);
    const [mark] = await marks('moeder', 'aanleiding');
    expect(mark?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("a share is marked for who gave it, who got it and the professionals, not for another family member", async () => {
    const given = await consentToPerson(api, 'moeder', 'reactie-besluit-sanne', 'p-ria');
    expect(given.status).toBe(200);
    const line = 'toestemming: Ria de Groot door Sanne de Groot';
    expect(await shares('moeder', 'reactie-besluit-sanne')).toEqual([line]);
    expect(await shares('oma', 'reactie-besluit-sanne')).toEqual([line]);
    expect(await shares('regisseur', 'reactie-besluit-sanne')).toEqual([line]);
    // The father reads her reaction, but whom she shares it with within the family is hers to tell.
    expect(await shares('vader', 'reactie-besluit-sanne')).toEqual([]);

    // Withdrawn, the share stays in the history, marked as such.
    const consent = (await given.json()) as { id: string };
    expect((await api('moeder', 'POST', `/api/cases/demo/consents/${consent.id}/withdraw`)).status).toBe(200);
    expect(await shares('regisseur', 'reactie-besluit-sanne')).toEqual([`${line} (ingetrokken)`]);
    // Oma cannot read the section any more, so its history is closed to her.
    expect((await api('oma', 'GET', '/api/cases/demo/sections/reactie-besluit-sanne/history-marks')).status).toBe(404);
  });

  it("a grant by the regisseur to a professional is marked for the family too, with that person's role", async () => {
    const granted = await api('regisseur', 'POST', '/api/cases/demo/grants', { sectionId: 'aanleiding', userId: 'gw', level: 'comment', reason: 'Meelezen voor de analyse.' });
    expect(granted.status).toBe(200);
    const line = 'toekenning: Lotte Hendriks, gedragswetenschapper door Eva Jansen';
    expect(await shares('regisseur', 'aanleiding')).toEqual([line]);
    expect(await shares('vader', 'aanleiding')).toEqual([line]);
  });
});
