import { z } from 'zod';
import { BlockId, optionalText, requiredText } from './common.ts';

/** Signalling plan line: warning sign → what to do → whom to call. */
export const Signaal = z.object({
  id: BlockId,
  signaal: requiredText('het waarschuwingsteken'),
  actie: requiredText('wat je dan doet'),
  wieBellen: requiredText('wie je belt', 300),
  telefoon: optionalText(40),
});
export type Signaal = z.infer<typeof Signaal>;
