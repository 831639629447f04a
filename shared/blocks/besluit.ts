import { z } from 'zod';
import { BlockId, IsoDate, requiredText } from './common.ts';

export const BesluitKeuze = z.enum(['vrijwillig', 'drang', 'raad_onderzoek', 'anders']);
export type BesluitKeuze = z.infer<typeof BesluitKeuze>;

export const BESLUIT_LABEL: Record<BesluitKeuze, string> = {
  vrijwillig: 'Vrijwillig verder',
  drang: 'Verder met drang',
  raad_onderzoek: 'Raadsonderzoek',
  anders: 'Anders',
};

/** Decision of the Jeugdbeschermingstafel, with rationale, who was there and the family's reaction. */
export const Besluit = z.object({
  id: BlockId,
  keuze: BesluitKeuze,
  onderbouwing: requiredText('de onderbouwing'),
  datum: IsoDate,
  aanwezig: z.array(requiredText('een naam', 120)).min(1, 'Noem wie er aanwezig was.').max(30),
  /** Section instance holding the family's reaction (normally `reactie-gezin`). */
  reactieSectie: z.string().max(80).nullable().default(null),
});
export type Besluit = z.infer<typeof Besluit>;
