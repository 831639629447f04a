import { z } from 'zod';
import { BlockId, IsoDate, optionalText, Party, requiredText } from './common.ts';

export const AfspraakStatus = z.enum(['open', 'nagekomen', 'niet_nagekomen']);
export type AfspraakStatus = z.infer<typeof AfspraakStatus>;

/**
 * Safety agreement. Each party confirms it themselves; confirmations live on the server (who,
 * when), not in this block, so a party can confirm without edit access to the section.
 */
export const Afspraak = z
  .object({
    id: BlockId,
    wat: requiredText('wat er is afgesproken'),
    wie: requiredText('wie het doet', 300),
    vanaf: IsoDate,
    deadline: IsoDate.nullable().default(null),
    controle: requiredText('hoe we het controleren'),
    alsNiet: requiredText('wat er gebeurt als het niet lukt'),
    status: AfspraakStatus,
    partijen: z.array(Party).min(1, 'Noem minstens één partij die de afspraak maakt.').max(20),
    toelichting: optionalText(),
  })
  .refine((a) => a.deadline === null || a.deadline >= a.vanaf, { message: 'De deadline ligt vóór de startdatum.', path: ['deadline'] });
export type Afspraak = z.infer<typeof Afspraak>;
