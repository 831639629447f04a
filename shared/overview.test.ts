import { describe, expect, it } from 'vitest';
import type { Confirmation } from './api.ts';
import type { BlockData } from './blocks/index.ts';
import type { Party } from './blocks/common.ts';
import { buildOverview, CaseOverview, OverviewItems, type OverviewSection } from './overview.ts';

const TODAY = '2026-11-24';
const VOORWAARDE = { type: 'veiligheidsvoorwaarde', data: { id: 'voorwaarde-geen-geweld', voorwaarde: 'Geen geweld.', gesteldDoor: 'veilig_thuis', waarom: 'De kinderen waren erbij.' } };

const moeder: Party = { naam: 'Sanne (moeder)', personId: 'p-sanne', userId: 'moeder' };
const vader: Party = { naam: 'Murat (vader)', personId: 'p-murat', userId: 'vader' };
const buurman: Party = { naam: 'Buurman Kees', personId: null, userId: null };

const afspraak = (id: string, deadline: string | null, status: BlockData['afspraak']['status'], partijen = [moeder, vader]): { type: string; data: unknown } => ({
  type: 'afspraak',
  data: { id, wat: `Afspraak ${id}`, wie: 'Sanne en Murat', vanaf: '2026-10-09', deadline, controle: 'De regisseur vraagt het na.', alsNiet: 'We bespreken het aan tafel.', status, partijen, toelichting: '' },
});
const actie = (id: string, deadline: string, status: BlockData['actie']['status']): { type: string; data: unknown } => ({
  type: 'actie',
  data: { id, taak: `Taak ${id}`, eigenaar: 'Lokaal team', deadline, status, levensgebied: 'financien' },
});

const sections: OverviewSection[] = [
  {
    sectionId: 'veiligheidsplan',
    sectionTitle: 'Veiligheidsplan',
    blocks: [
      VOORWAARDE,
      afspraak('afspraak-zonder-deadline', null, 'open'),
      afspraak('afspraak-geen-alcohol', '2026-11-15', 'open'),
      afspraak('afspraak-nagekomen', '2026-11-01', 'nagekomen', [moeder, buurman]),
      afspraak('afspraak-later', '2027-01-31', 'open'),
      afspraak('afspraak-niet-nagekomen', '2026-11-20', 'niet_nagekomen'),
      { type: 'signaal', data: { id: 'signaal-daan', signaal: 'Daan kruipt weg.', actie: 'Rustig praten.', wieBellen: 'Regisseur', telefoon: '' } },
      { type: 'zorg', data: { id: 'zorg-ruzie', wieZorgen: 'VT', wat: 'Ruzie.', impact: 'Angst.', alsNietsVerandert: 'Meer angst.', ernst: 'hoog' } },
      { type: 'kracht', data: { id: 'kracht-oma', wat: 'Oma vangt op.', wie: 'Oma', sinds: 'oktober', hoeWeten: 'Oma vertelt het.' } },
      { type: 'besluit', data: { id: 'besluit-tafel', keuze: 'vrijwillig', onderbouwing: 'Ouders werken mee.', datum: '2026-11-12', aanwezig: ['Eva'], reactieSectie: null } },
    ],
  },
  {
    sectionId: 'plan',
    sectionTitle: 'Doelen en acties',
    blocks: [
      actie('actie-klaar-te-laat', '2026-11-01', 'klaar'),
      actie('actie-bezig-te-laat', '2026-11-20', 'bezig'),
      actie('actie-vandaag', TODAY, 'open'),
      actie('actie-later', '2026-12-12', 'open'),
      // Invalid blocks (a half-typed form, an unknown type) are skipped, not fatal.
      { type: 'actie', data: { id: 'actie-kapot', taak: '', eigenaar: 'x', deadline: '2026-11-01', status: 'open', levensgebied: 'financien' } },
      { type: 'afspraak', data: { id: 'afspraak-kapot', wat: 'x' } },
      { type: 'actie', data: null },
      { type: 'onbekend', data: { id: 'onbekend-blok' } },
    ],
  },
  {
    sectionId: 'zorgen-krachten',
    sectionTitle: 'Zorgen, krachten en wat nog onduidelijk is',
    blocks: [
      {
        type: 'schaalvraag',
        data: {
          id: 'schaal-veiligheid',
          vraag: 'Hoe veilig zijn Noa en Daan nu thuis?',
          // Rounds out of order on purpose: the trend follows the dates.
          rondes: [
            { datum: '2026-11-12', scores: [{ partij: 'Sanne', score: 6, reden: 'Rustiger.' }, { partij: 'Murat', score: 6, reden: 'Gelijk.' }, { partij: 'Noa', score: 5, reden: 'Nieuw.' }, { partij: 'Veilig Thuis', score: 3, reden: 'Zorgen.' }] },
            { datum: '2026-10-09', scores: [{ partij: 'Sanne', score: 5, reden: 'Eerste keer.' }, { partij: 'Murat', score: 6, reden: 'Weg.' }, { partij: 'Veilig Thuis', score: 4, reden: 'Geen plan.' }] },
            { datum: '2026-09-30', scores: [{ partij: 'Sanne', score: 2, reden: 'Heel eerste keer.' }] },
          ],
        },
      },
      { type: 'schaalvraag', data: { id: 'schaal-een-ronde', vraag: 'Eén ronde', rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: 4, reden: 'Ruzie.' }] }] } },
    ],
  },
];

const confirmations: Confirmation[] = [
  { sectionId: 'veiligheidsplan', blockId: 'afspraak-geen-alcohol', userId: 'moeder', name: 'Sanne de Groot', at: '2026-11-02T10:00:00.000Z' },
  // Same block id in another section: must not count for the veiligheidsplan block.
  { sectionId: 'plan', blockId: 'afspraak-geen-alcohol', userId: 'vader', name: 'Murat Yilmaz', at: '2026-11-03T10:00:00.000Z' },
  { sectionId: 'veiligheidsplan', blockId: 'afspraak-nagekomen', userId: 'moeder', name: 'Sanne de Groot', at: '2026-10-20T10:00:00.000Z' },
];

const overview = buildOverview(sections, confirmations, TODAY);

describe('buildOverview', () => {
  it('output matches its schema', () => {
    expect(() => OverviewItems.parse(overview)).not.toThrow();
    expect(() => CaseOverview.parse({ ...overview, today: TODAY, deadlines: [] })).not.toThrow();
  });

  it('lists afspraken sorted by deadline, no deadline last, with where they were written', () => {
    expect(overview.afspraken.map((a) => a.id)).toEqual(['afspraak-nagekomen', 'afspraak-geen-alcohol', 'afspraak-niet-nagekomen', 'afspraak-later', 'afspraak-zonder-deadline']);
    expect(overview.afspraken[0]).toMatchObject({ sectionId: 'veiligheidsplan', sectionTitle: 'Veiligheidsplan', wat: 'Afspraak afspraak-nagekomen', wie: 'Sanne en Murat', vanaf: '2026-10-09' });
  });

  it('flags an afspraak overdue when its deadline passed and it is not nagekomen', () => {
    const overdue = Object.fromEntries(overview.afspraken.map((a) => [a.id, a.overdue]));
    expect(overdue).toEqual({
      'afspraak-nagekomen': false, // deadline passed, but kept
      'afspraak-geen-alcohol': true, // 15 November, still open
      'afspraak-niet-nagekomen': true, // not kept counts as not done
      'afspraak-later': false,
      'afspraak-zonder-deadline': false,
    });
  });

  it('shows per party whether they confirmed, matching section, block and user', () => {
    const alcohol = overview.afspraken.find((a) => a.id === 'afspraak-geen-alcohol')!;
    expect(alcohol.partijen).toEqual([
      { naam: 'Sanne (moeder)', personId: 'p-sanne', userId: 'moeder', bevestigdOp: '2026-11-02T10:00:00.000Z' },
      { naam: 'Murat (vader)', personId: 'p-murat', userId: 'vader', bevestigdOp: null },
    ]);
    const nagekomen = overview.afspraken.find((a) => a.id === 'afspraak-nagekomen')!;
    expect(nagekomen.partijen.map((p) => p.bevestigdOp)).toEqual(['2026-10-20T10:00:00.000Z', null]); // the neighbour has no account
  });

  it('lists acties sorted by deadline with owner, status and overdue (klaar is never overdue; today is not yet overdue)', () => {
    expect(overview.acties.map(({ id, eigenaar, status, overdue }) => ({ id, eigenaar, status, overdue }))).toEqual([
      { id: 'actie-klaar-te-laat', eigenaar: 'Lokaal team', status: 'klaar', overdue: false },
      { id: 'actie-bezig-te-laat', eigenaar: 'Lokaal team', status: 'bezig', overdue: true },
      { id: 'actie-vandaag', eigenaar: 'Lokaal team', status: 'open', overdue: false },
      { id: 'actie-later', eigenaar: 'Lokaal team', status: 'open', overdue: false },
    ]);
    expect(overview.acties[0]).toMatchObject({ sectionId: 'plan', taak: 'Taak actie-klaar-te-laat', levensgebied: 'financien', deadline: '2026-11-01' });
  });

  it('lists veiligheidsvoorwaarden in document order, with the attested author and never a typed one', () => {
    // The block's own (old, typed) gesteldDoor is not an author: without an attestation there is none.
    expect(overview.voorwaarden).toEqual([
      { sectionId: 'veiligheidsplan', sectionTitle: 'Veiligheidsplan', id: 'voorwaarde-geen-geweld', voorwaarde: 'Geen geweld.', waarom: 'De kinderen waren erbij.', author: null },
    ]);
    const karim = { userId: 'vt', name: 'Karim El Amrani', role: 'veilig_thuis' as const, organisationId: 'veilig-thuis-flevoland', at: '2026-11-12T16:30:00.000Z' };
    const attested = buildOverview([{ sectionId: 'veiligheidsplan', sectionTitle: 'Veiligheidsplan', blocks: [VOORWAARDE], authors: { 'voorwaarde-geen-geweld': karim } }], [], '2026-11-20');
    expect(attested.voorwaarden[0]?.author).toEqual(karim);
  });

  it('skips invalid blocks and block kinds the overview does not list', () => {
    const ids = [...overview.afspraken, ...overview.acties, ...overview.voorwaarden, ...overview.schaalvragen].map((x) => x.id);
    expect(ids).not.toContain('actie-kapot');
    expect(ids).not.toContain('afspraak-kapot');
    expect(ids).not.toContain('onbekend-blok');
    for (const other of ['signaal-daan', 'zorg-ruzie', 'kracht-oma', 'besluit-tafel']) expect(ids).not.toContain(other);
  });

  it('gives the latest scaling scores per party with the previous score and the trend', () => {
    const q = overview.schaalvragen.find((s) => s.id === 'schaal-veiligheid')!;
    expect(q).toMatchObject({ sectionId: 'zorgen-krachten', vraag: 'Hoe veilig zijn Noa en Daan nu thuis?', datum: '2026-11-12', vorigeDatum: '2026-10-09' });
    expect(q.scores).toEqual([
      { partij: 'Sanne', score: 6, reden: 'Rustiger.', vorigeScore: 5, trend: 'hoger' },
      { partij: 'Murat', score: 6, reden: 'Gelijk.', vorigeScore: 6, trend: 'gelijk' },
      { partij: 'Noa', score: 5, reden: 'Nieuw.', vorigeScore: null, trend: null },
      { partij: 'Veilig Thuis', score: 3, reden: 'Zorgen.', vorigeScore: 4, trend: 'lager' },
    ]);
  });

  it('a scaling question with one round has no trend yet', () => {
    const q = overview.schaalvragen.find((s) => s.id === 'schaal-een-ronde')!;
    expect(q.vorigeDatum).toBeNull();
    expect(q.scores).toEqual([{ partij: 'Noa', score: 4, reden: 'Ruzie.', vorigeScore: null, trend: null }]);
  });

  it('takes a previous score from the latest earlier round the party scored in', () => {
    const gap = buildOverview(
      [
        {
          sectionId: 's',
          sectionTitle: 'S',
          blocks: [
            {
              type: 'schaalvraag',
              data: {
                id: 'schaal-gat',
                vraag: 'Veilig?',
                rondes: [
                  { datum: '2026-09-01', scores: [{ partij: 'Noa', score: 3, reden: 'a' }] },
                  { datum: '2026-10-01', scores: [{ partij: 'Sanne', score: 5, reden: 'b' }] },
                  { datum: '2026-11-01', scores: [{ partij: 'Noa', score: 7, reden: 'c' }] },
                ],
              },
            },
          ],
        },
      ],
      [],
      TODAY,
    );
    expect(gap.schaalvragen[0]!.scores).toEqual([{ partij: 'Noa', score: 7, reden: 'c', vorigeScore: 3, trend: 'hoger' }]);
  });

  it('is empty for no sections, and reads nothing it was not given', () => {
    expect(buildOverview([], confirmations, TODAY)).toEqual({ afspraken: [], acties: [], voorwaarden: [], schaalvragen: [] });
  });
});
