import { z } from 'zod';
import { PHONE_MESSAGE, phoneDigits } from '../phone.ts';
import { defineBlock, field } from './blockType.ts';
import { requiredText } from './common.ts';

/** A Dutch phone number to call (shared/phone.ts), or nothing. */
const OptionalPhone = z
  .string()
  .trim()
  .max(30, PHONE_MESSAGE)
  .refine((v) => v === '' || phoneDigits(v) !== null, PHONE_MESSAGE)
  .default('');

/** Signalling plan line: warning sign → what to do → whom to call. */
export const signaalBlock = defineBlock({
  type: 'signaal',
  label: 'Signaal',
  explanation: 'Een teken dat het misgaat, en wat je dan doet en wie je belt.',
  fields: {
    signaal: field('textarea', 'Waaraan merk je dat het misgaat?', requiredText('het waarschuwingsteken')),
    actie: field('textarea', 'Wat doe je dan?', requiredText('wat je dan doet')),
    wieBellen: field('text', 'Wie bel je?', requiredText('wie je belt', 300)),
    telefoon: field('phone', 'Telefoonnummer', OptionalPhone, { help: 'Bijvoorbeeld 06 12345678 of 036 5399999.' }),
  },
});
export const Signaal = signaalBlock.schema;
export type Signaal = z.infer<typeof Signaal>;
