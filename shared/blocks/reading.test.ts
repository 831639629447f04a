import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Attestation, authorshipLine } from './authorship.ts';
import { blockFields, emptyBlock, optionLabelFor, readBlock } from './fields.ts';
import { BLOCKS, type BlockData, BlockType, parseBlock } from './index.ts';

const party = (naam: string, userId: string | null = null) => ({ naam, personId: null, userId });

const afspraak: BlockData['afspraak'] = {
  id: 'afspraak-time-out',
  wat: 'Bij ruzie gaat vader een uur naar buiten.',
  wie: 'Vader',
  vanaf: '2026-11-12',
  deadline: null,
  controle: 'Moeder meldt het aan de regisseur.',
  alsNiet: 'Oma haalt de kinderen op.',
  status: 'open',
  partijen: [party('Murat (vader)', 'vader'), party('Oma Ria')],
  toelichting: '',
};

const line = (lines: ReturnType<typeof readBlock>, key: string) => lines.find((l) => l.key === key);

describe('a block type in one place', () => {
  it('registers every block type once, in the order the menus offer them', () => {
    expect(BlockType.options).toEqual(['zorg', 'kracht', 'schaalvraag', 'veiligheidsvoorwaarde', 'afspraak', 'signaal', 'actie', 'besluit']);
    expect(new Set(BLOCKS.map((b) => b.label)).size).toBe(BLOCKS.length);
  });

  it.each(BLOCKS.map((b) => [b.type, b] as const))('%s: the form asks for every field of its schema (but the id), and for nothing else', (_type, block) => {
    const keys = Object.keys((block.schema as unknown as z.ZodObject).shape).filter((k) => k !== 'id' && k !== 'gesteldDoor');
    expect(block.fields.map((f) => f.key).sort()).toEqual(keys.sort());
    expect(block.explanation.length).toBeGreaterThan(20);
  });

  it.each(BlockType.options)('%s: a new block is not yet valid where the author must write, and has the shape of its schema', (type) => {
    const empty = emptyBlock(type, `${type}-nieuw`);
    expect(Object.keys(empty).sort()).toEqual(['id', ...blockFields(type).map((f) => f.key)].sort());
    expect(parseBlock(type, empty).success).toBe(false);
  });

  it('a new agreement starts without an end date and open; a new decision without the family’s reaction', () => {
    expect(emptyBlock('afspraak', 'afspraak-nieuw')).toMatchObject({ deadline: null, status: 'open', partijen: [], toelichting: '' });
    expect(emptyBlock('besluit', 'besluit-nieuw')).toMatchObject({ keuze: 'vrijwillig', reactieSectie: null, aanwezig: [] });
  });

  it('reads with the questions of the form as labels, the choices in words, and what is empty left out or said', () => {
    const lines = readBlock('afspraak', afspraak);
    const labels = new Map(blockFields('afspraak').map((f) => [f.key, f.label]));
    for (const l of lines) expect(l.label).toBe(labels.get(l.key));
    expect(lines[0]).toMatchObject({ label: 'Wat spreken we af?', text: afspraak.wat, strong: true });
    expect(line(lines, 'vanaf')?.text).toBe('12 november 2026');
    expect(line(lines, 'deadline')?.text).toBe('geen einddatum');
    expect(line(lines, 'status')?.text).toBe('Loopt');
    expect(line(lines, 'partijen')).toMatchObject({ text: 'Murat (vader)\nOma Ria', parties: afspraak.partijen });
    expect(line(lines, 'toelichting')).toBeUndefined();
  });

  it('the family reads whether an agreement worked out in their words; the professionals keep theirs', () => {
    expect(optionLabelFor('ouder', 'afspraak', 'status', 'nagekomen')).toBe('Gelukt');
    expect(optionLabelFor('netwerk', 'afspraak', 'status', 'niet_nagekomen')).toBe('Niet gelukt');
    expect(optionLabelFor('jeugdige', 'afspraak', 'status', 'open')).toBe('Loopt nog');
    expect(optionLabelFor('regisseur', 'afspraak', 'status', 'nagekomen')).toBe('Nagekomen');
    // A task's steps are plain for everyone already.
    expect(optionLabelFor('ouder', 'actie', 'status', 'bezig')).toBe('Bezig');
  });

  it('a phone number is a link to call, a high severity stands out, a decision names its glossary word', () => {
    const signaal = readBlock('signaal', { id: 'signaal-1', signaal: 'Luide stemmen.', actie: 'Naar oma.', wieBellen: 'Oma Ria', telefoon: '06 12 34 56 78' });
    expect(line(signaal, 'telefoon')).toMatchObject({ label: 'Telefoonnummer', text: '06 12 34 56 78', href: 'tel:0612345678' });
    const zorg = { id: 'zorg-1', wieZorgen: 'VT', wat: 'Ruzie.', impact: 'Angst.', alsNietsVerandert: 'Meer angst.' };
    expect(line(readBlock('zorg', { ...zorg, ernst: 'hoog' }), 'ernst')).toMatchObject({ text: 'Hoog', warn: true });
    expect(line(readBlock('zorg', { ...zorg, ernst: 'laag' }), 'ernst')?.warn).toBeUndefined();
    const besluit = { id: 'besluit-1', onderbouwing: 'Ouders werken mee.', datum: '2026-11-12', aanwezig: ['Sanne', 'Murat'] };
    const drang = readBlock('besluit', { ...besluit, keuze: 'drang', reactieSectie: null });
    expect(line(drang, 'keuze')).toMatchObject({ text: 'Verder met drang', term: 'drang', strong: true });
    expect(line(drang, 'aanwezig')?.text).toBe('Sanne\nMurat');
    expect(line(drang, 'reactieSectie')).toEqual({ key: 'reactieSectie', label: 'Reactie van het gezin', text: 'Nog geen reactie' });
    const answered = readBlock('besluit', { ...besluit, keuze: 'vrijwillig', reactieSectie: 'reactie-gezin' });
    expect(line(answered, 'keuze')?.term).toBeUndefined();
    expect(line(answered, 'reactieSectie')).toMatchObject({ text: 'Het gezin heeft gereageerd', section: { id: 'reactie-gezin', open: 'Lees de reactie van het gezin' } });
  });

  it('a scaling question reads one line per score and a table with a column per round', () => {
    const lines = readBlock('schaalvraag', {
      id: 'schaal-thuis',
      vraag: 'Hoe veilig is het thuis?',
      rondes: [
        { datum: '2026-10-01', scores: [{ partij: 'Noa', score: 3, reden: 'Veel ruzie.' }] },
        { datum: '2026-11-01', scores: [{ partij: 'Noa', score: 6, reden: 'Rustiger.' }, { partij: 'VT', score: 5, reden: 'Beter.' }] },
      ],
    });
    expect(lines.map((l) => l.label)).toEqual(['Vraag', 'Scores per ronde']);
    expect(lines[1]?.text).toBe('1 oktober 2026: Noa 3 — Veel ruzie.\n1 november 2026: Noa 6 — Rustiger.\n1 november 2026: VT 5 — Beter.');
    expect(lines[1]?.scores).toEqual({
      rounds: ['2026-10-01', '2026-11-01'],
      rows: [
        { party: 'Noa', cells: [{ score: 3, reden: 'Veel ruzie.' }, { score: 6, reden: 'Rustiger.' }] },
        { party: 'VT', cells: [null, { score: 5, reden: 'Beter.' }] },
      ],
    });
  });

  it('says who set a condition, recorded a decision or inserted any other block, and who changed it since', () => {
    const raad: Attestation = { userId: 'raad', name: 'Ingrid Visser', role: 'raad', organisationId: 'raad', at: '2026-12-02T10:00:00Z' };
    const vt: Attestation = { userId: 'vt', name: 'Karim El Idrissi', role: 'veilig_thuis', organisationId: 'vt', at: null };
    expect(authorshipLine('besluit', { insertedBy: raad, changedBy: raad })).toBe('Vastgelegd door Ingrid Visser, Raad voor de Kinderbescherming, op 2 december 2026');
    expect(authorshipLine('veiligheidsvoorwaarde', { insertedBy: vt, changedBy: raad })).toBe(
      'Gesteld door Karim El Idrissi, Veilig Thuis · gewijzigd door Ingrid Visser, Raad voor de Kinderbescherming, op 2 december 2026',
    );
    // A role whose label has brackets of its own reads once, not in brackets inside brackets.
    const eva: Attestation = { userId: 'regisseur', name: 'Eva Jansen', role: 'regisseur', organisationId: 'lt', at: null };
    expect(authorshipLine('afspraak', { insertedBy: eva, changedBy: null })).toBe('Ingevoegd door Eva Jansen, regisseur (lokaal team)');
    expect(authorshipLine('afspraak', { insertedBy: vt, changedBy: null })).toMatch(/^Ingevoegd door Karim/);
    expect(authorshipLine('afspraak', { insertedBy: null, changedBy: vt })).toBeNull();
  });
});
