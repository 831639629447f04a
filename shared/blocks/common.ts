import { z } from 'zod';

/** Calendar date as written in a plan: `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in (jjjj-mm-dd).');

/** A short required text; the message is what the editor shows under the field. */
export const requiredText = (what: string, max = 2000) =>
  z.string().trim().min(1, `Vul ${what} in.`).max(max, `${what} is te lang (maximaal ${max} tekens).`);

export const optionalText = (max = 2000) => z.string().max(max).default('');

/** Stable id of a block inside a section; comments and confirmations refer to it. */
export const BlockId = z.string().regex(/^[a-z0-9-]{4,64}$/, 'Ongeldige blok-id.');

/** A party named in a block: a person of the family or a professional, by name. */
export const Party = z.object({
  naam: requiredText('de naam', 120),
  /** The family person or user this party is, when known; confirmations are matched on it. */
  personId: z.string().max(80).nullable().default(null),
  userId: z.string().max(80).nullable().default(null),
});
export type Party = z.infer<typeof Party>;
