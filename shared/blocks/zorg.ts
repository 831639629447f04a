import type { z } from 'zod';
import { choice, defineBlock, field } from './blockType.ts';
import { requiredText } from './common.ts';

/** Danger statement: who is worried about what, the impact on the child, and what if nothing changes. */
export const zorgBlock = defineBlock({
  type: 'zorg',
  label: 'Zorg',
  explanation: 'Waar iemand zich zorgen over maakt, en wat dat voor de kinderen betekent.',
  fields: {
    wieZorgen: field('text', 'Wie maakt zich zorgen?', requiredText('wie zich zorgen maakt', 300)),
    wat: field('textarea', 'Wat is er gebeurd of kan er gebeuren?', requiredText('wat er is gebeurd of kan gebeuren')),
    impact: field('textarea', 'Wat betekent dit voor het kind?', requiredText('wat dit voor het kind betekent')),
    alsNietsVerandert: field('textarea', 'Wat gebeurt er als er niets verandert?', requiredText('wat er gebeurt als er niets verandert')),
    ernst: choice('Hoe ernstig is het?', { laag: 'Laag', midden: 'Midden', hoog: 'Hoog' }, { message: 'Kies hoe ernstig het is.', warn: ['hoog'] }),
  },
});
export const Zorg = zorgBlock.schema;
export type Zorg = z.infer<typeof Zorg>;
