import { z } from 'zod';
import { BlockId, requiredText } from './common.ts';

/** Danger statement: who is worried about what, the impact on the child, and what if nothing changes. */
export const Zorg = z.object({
  id: BlockId,
  wieZorgen: requiredText('wie zich zorgen maakt', 300),
  wat: requiredText('wat er is gebeurd of kan gebeuren'),
  impact: requiredText('wat dit voor het kind betekent'),
  alsNietsVerandert: requiredText('wat er gebeurt als er niets verandert'),
  ernst: z.enum(['laag', 'midden', 'hoog'], { message: 'Kies hoe ernstig het is.' }),
});
export type Zorg = z.infer<typeof Zorg>;
