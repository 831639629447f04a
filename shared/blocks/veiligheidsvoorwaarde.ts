import { z } from 'zod';
import { BlockId, requiredText } from './common.ts';

/** Minimum condition set by VT, Raad or GI; not negotiable. */
export const Veiligheidsvoorwaarde = z.object({
  id: BlockId,
  voorwaarde: requiredText('de voorwaarde'),
  gesteldDoor: z.enum(['veilig_thuis', 'raad', 'gi'], { message: 'Kies wie de voorwaarde stelt.' }),
  waarom: requiredText('waarom deze voorwaarde nodig is'),
});
export type Veiligheidsvoorwaarde = z.infer<typeof Veiligheidsvoorwaarde>;
