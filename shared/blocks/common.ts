import { z } from 'zod';
import { dayNumber } from '../calendar/isoDate.ts';

/**
 * Calendar date as written in a plan: `YYYY-MM-DD`, and a day that exists. The regex alone let
 * `2026-02-30` or `2026-13-45` through, which sorts wrongly against real dates (overdue checks)
 * and makes the calendar arithmetic of shared/calendar throw.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul een datum in (jjjj-mm-dd).', abort: true })
  .refine(isCalendarDate, { message: 'Deze datum bestaat niet.', abort: true });

function isCalendarDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** `what` is a clause ("wie zich zorgen maakt"), not a thing ("de naam"): it is written down, not filled in. */
const CLAUSE = /^(wie|wat|waar|wanneer|waarom|hoe|sinds|welke?)\b/;

/**
 * A short required text; the message is what the editor shows under the field, in a sentence that
 * reads: "Schrijf op wie zich zorgen maakt.", "Vul de naam in.".
 */
export const requiredText = (what: string, max = 2000) =>
  z
    .string()
    .trim()
    .min(1, CLAUSE.test(what) ? `Schrijf op ${what}.` : `Vul ${what} in.`)
    .max(max, `Dit is te lang: maximaal ${max} tekens.`);

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
