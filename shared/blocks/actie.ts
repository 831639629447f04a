import { z } from 'zod';
import { CatalogueId } from '../sections.ts';
import { BlockId, IsoDate, requiredText } from './common.ts';

export const ActieStatus = z.enum(['open', 'bezig', 'klaar']);

/** A task of the family plan, in one life domain. */
export const Actie = z.object({
  id: BlockId,
  taak: requiredText('de taak'),
  eigenaar: requiredText('wie het doet', 120),
  deadline: IsoDate,
  status: ActieStatus,
  levensgebied: CatalogueId,
});
export type Actie = z.infer<typeof Actie>;
