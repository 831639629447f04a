import { z } from 'zod';
import { CaseId } from './ids.ts';

/**
 * Noodtoegang ("break the glass"): a crisis worker who is not in the case reads, for a few hours,
 * only what they need to keep the children safe tonight. Every use is logged with its reason,
 * and the regisseur and the family see it.
 */

/** How long emergency access lasts; after that the crisis worker must ask the regisseur to be added. */
export const EMERGENCY_HOURS = 4;

/** An emergency access as the viewer carries it: why, and until when. */
export const EmergencyGrant = z.object({
  id: z.string(),
  reason: z.string(),
  startedAt: z.string(),
  until: z.string(),
});
export type EmergencyGrant = z.infer<typeof EmergencyGrant>;

/** `POST /api/emergency-access` */
export const StartEmergencyRequest = z.object({
  caseId: z.string().trim().pipe(CaseId),
  reason: z
    .string()
    .trim()
    .min(10, 'Schrijf op waarom je nu in dit dossier moet kijken (minstens 10 tekens).')
    .max(500, 'Schrijf de reden in minder dan 500 tekens.'),
});
export type StartEmergencyRequest = z.infer<typeof StartEmergencyRequest>;

export const EmergencyStarted = z.object({ caseId: z.string(), until: z.string() });
export type EmergencyStarted = z.infer<typeof EmergencyStarted>;

/** When an emergency access that starts now ends. */
export function emergencyEnd(startedAt: Date): string {
  return new Date(startedAt.getTime() + EMERGENCY_HOURS * 3_600_000).toISOString();
}
