import type { z } from 'zod';
import { CATALOGUE, CatalogueId } from '../sections.ts';
import { choice, defineBlock, field, select } from './blockType.ts';
import { IsoDate, requiredText } from './common.ts';

/** The life domains are the sections the family may see (restricted ones are no domain). */
const LEVENSGEBIED = Object.fromEntries(CATALOGUE.filter((e) => !e.restriction).map((e) => [e.id, e.title]));

/** A task of the family plan, in one life domain. */
export const actieBlock = defineBlock({
  type: 'actie',
  label: 'Actie',
  explanation: 'Een taak uit het plan: wie doet het en wanneer is het klaar.',
  fields: {
    taak: field('textarea', 'Taak', requiredText('de taak')),
    eigenaar: field('text', 'Wie doet het?', requiredText('wie het doet', 120)),
    deadline: field('date', 'Klaar op', IsoDate),
    status: choice('Stand van zaken', { open: 'Nog niet begonnen', bezig: 'Bezig', klaar: 'Klaar' }),
    levensgebied: select('Levensgebied', CatalogueId, LEVENSGEBIED),
  },
});
export const Actie = actieBlock.schema;
export type Actie = z.infer<typeof Actie>;
export const ActieStatus = Actie.shape.status;
