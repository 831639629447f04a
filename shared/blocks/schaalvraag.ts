import { z } from 'zod';
import { defineBlock, field } from './blockType.ts';
import { IsoDate, requiredText } from './common.ts';

export const Score = z.object({
  partij: requiredText('wie deze score geeft', 120),
  score: z.number({ message: 'Kies een score van 0 tot 10.' }).int('Kies een heel getal.').min(0, 'De score is minimaal 0.').max(10, 'De score is maximaal 10.'),
  reden: requiredText('een korte reden', 300),
});
export type Score = z.infer<typeof Score>;

export const Ronde = z.object({
  datum: IsoDate,
  scores: z.array(Score).min(1, 'Geef minstens één score.').max(20),
});
export type Ronde = z.infer<typeof Ronde>;

/**
 * Scaling question: 0 = so unsafe the child cannot stay, 10 = safe enough to close. One score per
 * party per round; earlier rounds are kept so the trend is visible.
 */
export const schaalvraagBlock = defineBlock({
  type: 'schaalvraag',
  label: 'Schaalvraag',
  explanation: 'Iedereen geeft een cijfer van 0 tot 10. 0 betekent: zo onveilig dat de kinderen niet thuis kunnen blijven. 10 betekent: veilig genoeg.',
  fields: {
    vraag: field('textarea', 'Vraag', requiredText('de vraag', 500)),
    rondes: field('rondes', 'Scores per ronde', z.array(Ronde).min(1, 'Voeg minstens één ronde toe.').max(100)),
  },
});
export const Schaalvraag = schaalvraagBlock.schema;
export type Schaalvraag = z.infer<typeof Schaalvraag>;
