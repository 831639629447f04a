import type { z } from 'zod';
import { defineBlock, field } from './blockType.ts';
import { optionalText, requiredText } from './common.ts';

/** Signalling plan line: warning sign → what to do → whom to call. */
export const signaalBlock = defineBlock({
  type: 'signaal',
  label: 'Signaal',
  explanation: 'Een teken dat het misgaat, en wat je dan doet en wie je belt.',
  fields: {
    signaal: field('textarea', 'Waaraan merk je dat het misgaat?', requiredText('het waarschuwingsteken')),
    actie: field('textarea', 'Wat doe je dan?', requiredText('wat je dan doet')),
    wieBellen: field('text', 'Wie bel je?', requiredText('wie je belt', 300)),
    telefoon: field('phone', 'Telefoonnummer', optionalText(40)),
  },
});
export const Signaal = signaalBlock.schema;
export type Signaal = z.infer<typeof Signaal>;
