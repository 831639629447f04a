import { describe, expect, it } from 'vitest';
import { BLOCK_SCHEMAS, type BlockType, parseBlock } from './index.ts';

const party = (naam: string, userId: string | null = null) => ({ naam, personId: null, userId });

/** One valid block of each type, as the block form would save it. */
const VALID: { [K in BlockType]: Record<string, unknown> } = {
  zorg: {
    id: 'zorg-ruzie-nacht',
    wieZorgen: 'Veilig Thuis en school',
    wat: 'Ouders maken \'s nachts hard ruzie; er is een glas gegooid.',
    impact: 'Daan slaapt slecht en is bang.',
    alsNietsVerandert: 'De kinderen blijven getuige van geweld.',
    ernst: 'hoog',
  },
  kracht: { id: 'kracht-oma', wat: 'Oma vangt de kinderen op.', wie: 'Oma Ria', sinds: 'Al jaren', hoeWeten: 'De kinderen vertellen het zelf.' },
  schaalvraag: {
    id: 'schaal-thuis',
    vraag: 'Hoe veilig is het thuis?',
    rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: 0, reden: 'Veel ruzie.' }, { partij: 'VT', score: 10, reden: 'Rustig.' }] }],
  },
  veiligheidsvoorwaarde: { id: 'vw-geen-geweld', voorwaarde: 'Geen geweld waar de kinderen bij zijn.', gesteldDoor: 'veilig_thuis', waarom: 'De kinderen moeten veilig zijn.' },
  afspraak: {
    id: 'afspraak-time-out',
    wat: 'Bij ruzie gaat vader een uur naar buiten.',
    wie: 'Vader',
    vanaf: '2026-11-12',
    deadline: '2026-11-12',
    controle: 'Moeder meldt het aan de regisseur.',
    alsNiet: 'Oma haalt de kinderen op.',
    status: 'open',
    partijen: [party('Murat (vader)', 'vader')],
  },
  signaal: { id: 'signaal-stemverheffing', signaal: 'Stemmen worden luid.', actie: 'Noa gaat naar oma.', wieBellen: 'Oma Ria' },
  actie: { id: 'actie-schuldhulp', taak: 'Aanmelden bij schuldhulp.', eigenaar: 'Regisseur', deadline: '2026-12-01', status: 'open', levensgebied: 'financien' },
  besluit: { id: 'besluit-1', keuze: 'drang', onderbouwing: 'Ouders werken mee onder voorwaarden.', datum: '2026-11-12', aanwezig: ['Sanne', 'Murat'] },
};

const TYPES = Object.keys(BLOCK_SCHEMAS) as BlockType[];

/** Messages zod gives at one path, joined by the path as the block form does. */
function messagesAt(type: BlockType, data: unknown, path: string): string[] {
  const result = parseBlock(type, data);
  expect(result.success, `${type} should be rejected`).toBe(false);
  return (result.error?.issues ?? []).filter((i) => i.path.map(String).join('.') === path).map((i) => i.message);
}

describe('block schemas', () => {
  it('covers all eight block types', () => {
    expect(TYPES.sort()).toEqual(['actie', 'afspraak', 'besluit', 'kracht', 'schaalvraag', 'signaal', 'veiligheidsvoorwaarde', 'zorg']);
  });

  it.each(TYPES)('a valid %s is accepted and optional fields get their defaults', (type) => {
    const result = parseBlock(type, VALID[type]);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toMatchObject(VALID[type]);
  });

  it('fills the defaults a saved block relies on', () => {
    const afspraak = parseBlock('afspraak', { ...VALID.afspraak, deadline: undefined });
    expect(afspraak.data).toMatchObject({ deadline: null, toelichting: '' });
    expect(parseBlock('signaal', VALID.signaal).data?.telefoon).toBe('');
    expect(parseBlock('besluit', VALID.besluit).data?.reactieSectie).toBeNull();
  });

  // [type, field, whitespace-only message]
  it.each<[BlockType, string, string]>([
    ['zorg', 'wieZorgen', 'Schrijf op wie zich zorgen maakt.'],
    ['zorg', 'wat', 'Schrijf op wat er is gebeurd of kan gebeuren.'],
    ['zorg', 'impact', 'Schrijf op wat dit voor het kind betekent.'],
    ['zorg', 'alsNietsVerandert', 'Schrijf op wat er gebeurt als er niets verandert.'],
    ['kracht', 'wat', 'Schrijf op wat er goed gaat.'],
    ['kracht', 'hoeWeten', 'Schrijf op hoe we dit weten.'],
    ['schaalvraag', 'vraag', 'Vul de vraag in.'],
    ['veiligheidsvoorwaarde', 'voorwaarde', 'Vul de voorwaarde in.'],
    ['veiligheidsvoorwaarde', 'waarom', 'Schrijf op waarom deze voorwaarde nodig is.'],
    ['afspraak', 'wat', 'Schrijf op wat er is afgesproken.'],
    ['afspraak', 'controle', 'Schrijf op hoe we het controleren.'],
    ['afspraak', 'alsNiet', 'Schrijf op wat er gebeurt als het niet lukt.'],
    ['signaal', 'signaal', 'Vul het waarschuwingsteken in.'],
    ['signaal', 'wieBellen', 'Schrijf op wie je belt.'],
    ['actie', 'taak', 'Vul de taak in.'],
    ['actie', 'eigenaar', 'Schrijf op wie het doet.'],
    ['besluit', 'onderbouwing', 'Vul de onderbouwing in.'],
  ])('%s.%s: empty or whitespace-only text is refused with "%s"; a missing field is refused', (type, field, message) => {
    expect(messagesAt(type, { ...VALID[type], [field]: '' }, field)).toEqual([message]);
    expect(messagesAt(type, { ...VALID[type], [field]: '  \n\t ' }, field)).toEqual([message]);
    const { [field]: _dropped, ...missing } = VALID[type];
    expect(messagesAt(type, missing, field)).toHaveLength(1);
  });

  it.each<[string, BlockType, Record<string, unknown>, string, string]>([
    ['unknown severity', 'zorg', { ernst: 'extreem' }, 'ernst', 'Kies hoe ernstig het is.'],
    ['score 11', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: 11, reden: 'x' }] }] }, 'rondes.0.scores.0.score', 'De score is maximaal 10.'],
    ['score -1', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: -1, reden: 'x' }] }] }, 'rondes.0.scores.0.score', 'De score is minimaal 0.'],
    ['score 5.5', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: 5.5, reden: 'x' }] }] }, 'rondes.0.scores.0.score', 'Kies een heel getal.'],
    ['score as text', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: '5', reden: 'x' }] }] }, 'rondes.0.scores.0.score', 'Kies een score van 0 tot 10.'],
    ['score left empty (NaN)', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: Number.NaN, reden: 'x' }] }] }, 'rondes.0.scores.0.score', 'Kies een score van 0 tot 10.'],
    ['a round without scores', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [] }] }, 'rondes.0.scores', 'Geef minstens één score.'],
    ['no rounds', 'schaalvraag', { rondes: [] }, 'rondes', 'Voeg minstens één ronde toe.'],
    ['a score without reason', 'schaalvraag', { rondes: [{ datum: '2026-10-01', scores: [{ partij: 'Noa', score: 5, reden: ' ' }] }] }, 'rondes.0.scores.0.reden', 'Vul een korte reden in.'],
    ['deadline before vanaf', 'afspraak', { vanaf: '2026-11-12', deadline: '2026-11-11' }, 'deadline', 'De deadline ligt vóór de startdatum.'],
    ['no partijen', 'afspraak', { partijen: [] }, 'partijen', 'Noem minstens één partij die de afspraak maakt.'],
    ['a party without a name', 'afspraak', { partijen: [party('  ')] }, 'partijen.0.naam', 'Vul de naam in.'],
    ['unknown afspraak status', 'afspraak', { status: 'misschien' }, 'status', expect.any(String)],
    ['unknown actie status', 'actie', { status: 'afgerond' }, 'status', expect.any(String)],
    ['an unknown life domain', 'actie', { levensgebied: 'bestaat-niet' }, 'levensgebied', expect.any(String)],
    ['unknown besluit', 'besluit', { keuze: 'uithuisplaatsing' }, 'keuze', expect.any(String)],
    ['nobody present', 'besluit', { aanwezig: [] }, 'aanwezig', 'Noem wie er aanwezig was.'],
    ['an empty name among those present', 'besluit', { aanwezig: ['Sanne', ''] }, 'aanwezig.1', 'Vul een naam in.'],
  ])('%s is refused', (_name, type, patch, path, message) => {
    expect(messagesAt(type, { ...VALID[type], ...patch }, path)).toEqual([message]);
  });

  it.each<[string, BlockType, string]>([
    ['2026-13-45', 'actie', 'deadline'],
    ['2026-02-30', 'actie', 'deadline'],
    ['2027-02-29', 'besluit', 'datum'],
    ['2026-04-31', 'afspraak', 'vanaf'],
    ['2026-00-10', 'afspraak', 'deadline'],
  ])('the impossible date %s is refused (%s.%s)', (date, type, field) => {
    expect(messagesAt(type, { ...VALID[type], [field]: date }, field)).toEqual(['Deze datum bestaat niet.']);
  });

  it.each(['12-11-2026', '2026-1-5', '2026-11-12T10:00:00Z', '', 'morgen'])('the non-date "%s" is refused with the format hint', (date) => {
    expect(messagesAt('actie', { ...VALID.actie, deadline: date }, 'deadline')).toEqual(['Vul een datum in (jjjj-mm-dd).']);
    expect(messagesAt('schaalvraag', { ...VALID.schaalvraag, rondes: [{ ...(VALID.schaalvraag.rondes as object[])[0], datum: date }] }, 'rondes.0.datum')).toEqual([
      'Vul een datum in (jjjj-mm-dd).',
    ]);
  });

  it('a leap day in a leap year is a real date', () => {
    expect(parseBlock('actie', { ...VALID.actie, deadline: '2028-02-29' }).success).toBe(true);
  });

  it.each(['Zorg-1', 'zorg/../1', 'abc', 'a'.repeat(65), 'zorg 1', 'zorg_1', ''])('block id "%s" is refused in every block type', (id) => {
    for (const type of TYPES) expect(messagesAt(type, { ...VALID[type], id }, 'id')).toEqual(['Ongeldige blok-id.']);
  });

  it.each<[BlockType, string, number, string]>([
    ['zorg', 'wat', 2000, 'Dit is te lang: maximaal 2000 tekens.'],
    ['zorg', 'wieZorgen', 300, 'Dit is te lang: maximaal 300 tekens.'],
    ['kracht', 'sinds', 100, 'Dit is te lang: maximaal 100 tekens.'],
    ['actie', 'eigenaar', 120, 'Dit is te lang: maximaal 120 tekens.'],
    ['schaalvraag', 'vraag', 500, 'Dit is te lang: maximaal 500 tekens.'],
  ])('%s.%s: %i characters fit, one more is refused', (type, field, max, message) => {
    expect(parseBlock(type, { ...VALID[type], [field]: 'x'.repeat(max) }).success).toBe(true);
    expect(messagesAt(type, { ...VALID[type], [field]: 'x'.repeat(max + 1) }, field)).toEqual([message]);
  });

  it('text is trimmed before it is stored', () => {
    expect(parseBlock('kracht', { ...VALID.kracht, wie: '  Oma Ria \n' }).data?.wie).toBe('Oma Ria');
  });

  it.each(TYPES)('%s: data that is not an object (null, a string) is refused', (type) => {
    expect(parseBlock(type, null).success).toBe(false);
    expect(parseBlock(type, 'zorg').success).toBe(false);
  });
});
