import { z } from 'zod';
import { BlockId, requiredText } from './common.ts';

/** Existing safety or strength: what already goes well, who does it, since when, how we know. */
export const Kracht = z.object({
  id: BlockId,
  wat: requiredText('wat er goed gaat'),
  wie: requiredText('wie dit doet', 300),
  sinds: requiredText('sinds wanneer', 100),
  hoeWeten: requiredText('hoe we dit weten'),
});
export type Kracht = z.infer<typeof Kracht>;
