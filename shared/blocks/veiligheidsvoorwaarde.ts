import { z } from 'zod';
import { BlockId, requiredText } from './common.ts';

/** Minimum condition set by VT, Raad or GI; not negotiable. */
export const Veiligheidsvoorwaarde = z.object({
  id: BlockId,
  voorwaarde: requiredText('de voorwaarde'),
  /**
   * Typed by hand in content from before authorship was attested; kept so that content still
   * loads, never shown: who set a condition is the author the server attests.
   */
  gesteldDoor: z.enum(['veilig_thuis', 'raad', 'gi']).optional(),
  waarom: requiredText('waarom deze voorwaarde nodig is'),
});
export type Veiligheidsvoorwaarde = z.infer<typeof Veiligheidsvoorwaarde>;
