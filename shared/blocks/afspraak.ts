import { z } from 'zod';
import { choice, defineBlock, field } from './blockType.ts';
import { IsoDate, optionalText, Party, requiredText } from './common.ts';

/**
 * Safety agreement. Each party confirms it themselves; confirmations live on the server (who,
 * when), not in this block, so a party can confirm without edit access to the section.
 */
export const afspraakBlock = defineBlock({
  type: 'afspraak',
  label: 'Afspraak',
  explanation: 'Wat jullie samen hebben afgesproken: wie doet wat, vanaf wanneer en hoe we controleren of het lukt.',
  fields: {
    wat: field('textarea', 'Wat spreken we af?', requiredText('wat er is afgesproken'), { strong: true }),
    wie: field('text', 'Wie doet het?', requiredText('wie het doet', 300)),
    vanaf: field('date', 'Vanaf', IsoDate),
    deadline: field('date', 'Uiterlijk', IsoDate.nullable().default(null), { ifEmpty: 'geen einddatum' }),
    controle: field('textarea', 'Hoe controleren we het?', requiredText('hoe we het controleren')),
    alsNiet: field('textarea', 'Wat gebeurt er als het niet lukt?', requiredText('wat er gebeurt als het niet lukt')),
    status: choice(
      'Stand van zaken',
      { open: 'Loopt', nagekomen: 'Nagekomen', niet_nagekomen: 'Niet nagekomen' },
      // In the words of the form's own question, "Wat gebeurt er als het niet lukt?".
      { family: { open: 'Loopt nog', nagekomen: 'Gelukt', niet_nagekomen: 'Niet gelukt' } },
    ),
    partijen: field('parties', 'Wie maken deze afspraak?', z.array(Party).min(1, 'Noem minstens één partij die de afspraak maakt.').max(20), {
      help: 'Zij bevestigen de afspraak zelf.',
    }),
    toelichting: field('textarea', 'Toelichting', optionalText()),
  },
  check: { test: (a) => a.deadline === null || a.deadline >= a.vanaf, message: 'De deadline ligt vóór de startdatum.', path: 'deadline' },
});
export const Afspraak = afspraakBlock.schema;
export type Afspraak = z.infer<typeof Afspraak>;
export const AfspraakStatus = Afspraak.shape.status;
export type AfspraakStatus = z.infer<typeof AfspraakStatus>;
