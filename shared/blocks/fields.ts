import type { BlockData, BlockType } from './index.ts';
import { BESLUIT_LABEL } from './besluit.ts';
import { CATALOGUE } from '../sections.ts';
import { formatDate } from '../format.ts';

/** How one field of a block is edited and shown. Labels are the questions the tafel asks. */
export type FieldSpec =
  | { key: string; label: string; kind: 'text' | 'textarea' | 'date' | 'optionalDate'; hint?: string }
  | { key: string; label: string; kind: 'select'; options: Record<string, string> }
  | { key: string; label: string; kind: 'names'; hint?: string }
  | { key: string; label: string; kind: 'parties' }
  | { key: string; label: string; kind: 'rondes' };

const LEVENSGEBIED = Object.fromEntries(CATALOGUE.filter((e) => !e.restriction).map((e) => [e.id, e.title]));

export const BLOCK_FIELDS: { [K in BlockType]: FieldSpec[] } = {
  zorg: [
    { key: 'wieZorgen', label: 'Wie maakt zich zorgen?', kind: 'text' },
    { key: 'wat', label: 'Wat is er gebeurd of kan er gebeuren?', kind: 'textarea' },
    { key: 'impact', label: 'Wat betekent dit voor het kind?', kind: 'textarea' },
    { key: 'alsNietsVerandert', label: 'Wat gebeurt er als er niets verandert?', kind: 'textarea' },
    { key: 'ernst', label: 'Hoe ernstig is het?', kind: 'select', options: { laag: 'Laag', midden: 'Midden', hoog: 'Hoog' } },
  ],
  kracht: [
    { key: 'wat', label: 'Wat gaat er al goed?', kind: 'textarea' },
    { key: 'wie', label: 'Wie doet dit?', kind: 'text' },
    { key: 'sinds', label: 'Sinds wanneer?', kind: 'text' },
    { key: 'hoeWeten', label: 'Hoe weten we dat?', kind: 'textarea' },
  ],
  schaalvraag: [
    { key: 'vraag', label: 'Vraag', kind: 'textarea' },
    { key: 'rondes', label: 'Scores per ronde', kind: 'rondes' },
  ],
  veiligheidsvoorwaarde: [
    { key: 'voorwaarde', label: 'Voorwaarde', kind: 'textarea' },
    { key: 'waarom', label: 'Waarom is dit nodig?', kind: 'textarea' },
  ],
  afspraak: [
    { key: 'wat', label: 'Wat spreken we af?', kind: 'textarea' },
    { key: 'wie', label: 'Wie doet het?', kind: 'text' },
    { key: 'vanaf', label: 'Vanaf', kind: 'date' },
    { key: 'deadline', label: 'Uiterlijk (mag leeg)', kind: 'optionalDate' },
    { key: 'controle', label: 'Hoe controleren we het?', kind: 'textarea' },
    { key: 'alsNiet', label: 'Wat gebeurt er als het niet lukt?', kind: 'textarea' },
    { key: 'status', label: 'Stand van zaken', kind: 'select', options: { open: 'Loopt', nagekomen: 'Nagekomen', niet_nagekomen: 'Niet nagekomen' } },
    { key: 'partijen', label: 'Wie maken deze afspraak? (zij bevestigen hem zelf)', kind: 'parties' },
    { key: 'toelichting', label: 'Toelichting (mag leeg)', kind: 'textarea' },
  ],
  signaal: [
    { key: 'signaal', label: 'Waaraan merk je dat het misgaat?', kind: 'textarea' },
    { key: 'actie', label: 'Wat doe je dan?', kind: 'textarea' },
    { key: 'wieBellen', label: 'Wie bel je?', kind: 'text' },
    { key: 'telefoon', label: 'Telefoonnummer (mag leeg)', kind: 'text' },
  ],
  actie: [
    { key: 'taak', label: 'Taak', kind: 'textarea' },
    { key: 'eigenaar', label: 'Wie doet het?', kind: 'text' },
    { key: 'deadline', label: 'Klaar op', kind: 'date' },
    { key: 'status', label: 'Stand van zaken', kind: 'select', options: { open: 'Nog niet begonnen', bezig: 'Bezig', klaar: 'Klaar' } },
    { key: 'levensgebied', label: 'Levensgebied', kind: 'select', options: LEVENSGEBIED },
  ],
  besluit: [
    { key: 'keuze', label: 'Besluit', kind: 'select', options: BESLUIT_LABEL },
    { key: 'onderbouwing', label: 'Waarom?', kind: 'textarea' },
    { key: 'datum', label: 'Datum', kind: 'date' },
    { key: 'aanwezig', label: 'Wie waren erbij?', kind: 'names', hint: 'Eén naam per regel.' },
    { key: 'reactieSectie', label: 'Reactie van het gezin staat in', kind: 'select', options: { '': 'Nog geen reactie', 'reactie-gezin': 'Reactie van het gezin' } },
  ],
};

const today = () => new Date().toISOString().slice(0, 10);

/** The starting point of a new block: empty where the author must write, sensible elsewhere. */
export function emptyBlock<T extends BlockType>(type: T, id: string): Record<string, unknown> {
  const base: Record<string, unknown> = { id };
  for (const f of BLOCK_FIELDS[type]) {
    if (f.kind === 'select') base[f.key] = f.key === 'reactieSectie' ? null : Object.keys(f.options)[0];
    else if (f.kind === 'date') base[f.key] = today();
    else if (f.kind === 'optionalDate') base[f.key] = null;
    else if (f.kind === 'names' || f.kind === 'parties') base[f.key] = [];
    else if (f.kind === 'rondes') base[f.key] = [{ datum: today(), scores: [{ partij: '', score: 5, reden: '' }] }];
    else base[f.key] = '';
  }
  return base;
}

export type AnyBlockData = BlockData[BlockType];

/**
 * A block as label–text rows in plain language, for everything that is not the editor: the export
 * and search. Lists become one line per entry; a score round reads "datum: partij score — reden".
 */
export function blockRows<T extends BlockType>(type: T, data: BlockData[T]): { label: string; text: string }[] {
  const values = data as unknown as Record<string, unknown>;
  const rows: { label: string; text: string }[] = [];
  for (const field of BLOCK_FIELDS[type]) {
    const text = fieldText(field, values[field.key]);
    if (text !== '') rows.push({ label: field.label, text });
  }
  return rows;
}

function fieldText(field: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (field.kind) {
    case 'select':
      return field.options[String(value)] ?? String(value);
    case 'date':
    case 'optionalDate':
      return formatDate(String(value));
    case 'names':
      return (value as string[]).join('\n');
    case 'parties':
      return (value as { naam: string }[]).map((p) => p.naam).join('\n');
    case 'rondes':
      return (value as { datum: string; scores: { partij: string; score: number; reden: string }[] }[])
        .flatMap((r) => r.scores.map((s) => `${formatDate(r.datum)}: ${s.partij} ${s.score} — ${s.reden}`))
        .join('\n');
    default:
      return String(value);
  }
}
