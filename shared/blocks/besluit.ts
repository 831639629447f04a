import { z } from 'zod';
import { choice, defineBlock, field, select } from './blockType.ts';
import { IsoDate, requiredText } from './common.ts';

/**
 * Decision of the Jeugdbeschermingstafel, with rationale, who was there and the family's reaction.
 * Who may record one is `BLOCK_AUTHORITY` in shared/access/may.ts, beside every other permission.
 */
export const besluitBlock = defineBlock({
  type: 'besluit',
  label: 'Besluit',
  explanation: 'Wat de Jeugdbeschermingstafel heeft besloten, en waarom.',
  attestedAs: 'Vastgelegd door',
  fields: {
    keuze: choice(
      'Besluit',
      { vrijwillig: 'Vrijwillig verder', drang: 'Verder met drang', raad_onderzoek: 'Raadsonderzoek', anders: 'Anders' },
      { terms: { drang: 'drang', raad_onderzoek: 'raadsonderzoek' }, strong: true },
    ),
    onderbouwing: field('textarea', 'Waarom?', requiredText('de onderbouwing')),
    datum: field('date', 'Datum', IsoDate),
    aanwezig: field('names', 'Wie waren erbij?', z.array(requiredText('een naam', 120)).min(1, 'Noem wie er aanwezig was.').max(30), { help: 'Eén naam per regel.' }),
    /** Section instance holding the family's reaction (normally `reactie-gezin`). */
    reactieSectie: select('Reactie van het gezin', z.string().max(80).nullable().default(null), { 'reactie-gezin': 'Het gezin heeft gereageerd' }, {
      none: 'Nog geen reactie',
      opens: 'Lees de reactie van het gezin',
    }),
  },
});
export const Besluit = besluitBlock.schema;
export type Besluit = z.infer<typeof Besluit>;
export const BesluitKeuze = Besluit.shape.keuze;
export type BesluitKeuze = z.infer<typeof BesluitKeuze>;
