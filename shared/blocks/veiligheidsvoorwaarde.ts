import { z } from 'zod';
import { defineBlock, field } from './blockType.ts';
import { requiredText } from './common.ts';

/**
 * Minimum condition set by VT, Raad or GI; not negotiable. Who may set one is `BLOCK_AUTHORITY` in
 * shared/access/may.ts, beside every other permission.
 */
export const veiligheidsvoorwaardeBlock = defineBlock({
  type: 'veiligheidsvoorwaarde',
  label: 'Veiligheidsvoorwaarde',
  explanation: 'Iets wat zeker moet gebeuren of niet mag gebeuren, zodat de kinderen veilig zijn. Daarover kan niet onderhandeld worden.',
  attestedAs: 'Gesteld door',
  fields: {
    voorwaarde: field('textarea', 'Voorwaarde', requiredText('de voorwaarde'), { strong: true }),
    waarom: field('textarea', 'Waarom is dit nodig?', requiredText('waarom deze voorwaarde nodig is')),
  },
  legacy: {
    /**
     * Typed by hand in content from before authorship was attested; kept so that content still
     * loads, never shown: who set a condition is the author the server attests.
     */
    gesteldDoor: z.enum(['veilig_thuis', 'raad', 'gi']).optional(),
  },
});
export const Veiligheidsvoorwaarde = veiligheidsvoorwaardeBlock.schema;
export type Veiligheidsvoorwaarde = z.infer<typeof Veiligheidsvoorwaarde>;
