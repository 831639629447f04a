import type { z } from 'zod';
import { defineBlock, field } from './blockType.ts';
import { requiredText } from './common.ts';

/** Existing safety or strength: what already goes well, who does it, since when, how we know. */
export const krachtBlock = defineBlock({
  type: 'kracht',
  label: 'Kracht',
  explanation: 'Wat al goed gaat en helpt om de kinderen veilig te houden.',
  fields: {
    wat: field('textarea', 'Wat gaat er al goed?', requiredText('wat er goed gaat')),
    wie: field('text', 'Wie doet dit?', requiredText('wie dit doet', 300)),
    sinds: field('text', 'Sinds wanneer?', requiredText('sinds wanneer dit zo is', 100)),
    hoeWeten: field('textarea', 'Hoe weten we dat?', requiredText('hoe we dit weten')),
  },
});
export const Kracht = krachtBlock.schema;
export type Kracht = z.infer<typeof Kracht>;
