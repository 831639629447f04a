import { z } from 'zod';

/**
 * Name of the root `Y.Map` in a section document where the server notes which fields of which
 * block it filled itself (a besluit's "aanwezig" and date, from the attendance the chair
 * recorded). Only the server writes it: the content guard refuses a client update that touches
 * it, or that changes, copies or removes a block field noted there.
 */
export const ATTESTED_FIELD = 'attested';

/** One entry of that map, under the block's id: the attested fields with the value the server wrote. */
export const AttestedFields = z.object({ fields: z.record(z.string(), z.unknown()) });
export type AttestedFields = z.infer<typeof AttestedFields>;

/** Shown beside a field the server filled, in the block form and wherever it is read-only. */
export const ATTESTED_NOTE = 'Vastgelegd door de voorzitter tijdens de tafel; dit kan niet worden gewijzigd.';
