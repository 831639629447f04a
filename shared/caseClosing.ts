import { z } from 'zod';
import { IsoDate } from './blocks/common.ts';
import { CaseRetention } from './retention.ts';
import { isFamilyRole, type Role } from './roles.ts';

/**
 * Closing a case (`POST /api/cases/:caseId/close`) and what the case page shows about the case
 * itself (`GET /api/cases/:caseId/record`): why it started, and whether and why it closed.
 */
export const CloseCase = z.object({
  reason: z.string().trim().min(10, 'Schrijf op waarom de zaak sluit (minstens 10 tekens).').max(2000, 'De reden is te lang (maximaal 2000 tekens).'),
  /** The day the case closed; today when left out. Not in the future. */
  date: IsoDate.optional(),
});
export type CloseCase = z.infer<typeof CloseCase>;

/**
 * How the reason the case started reads, and whether it reads at all. The professionals see
 * that none was written down; for the family an empty field says nothing, so it is left out,
 * and a written one reads under a plain question.
 */
export function startReasonLine(role: Role, reason: string | null): { label: string; text: string } | null {
  if (!isFamilyRole(role)) return { label: 'Aanleiding bij de start', text: reason ?? 'niet ingevuld' };
  return reason === null || reason.trim() === '' ? null : { label: 'Waarom de zaak begon', text: reason };
}

/** Years a closed case is kept before it is destroyed (Jeugdwet art. 7.3.8; DOMAIN.md: default 20 after closing). */
export const DEFAULT_RETENTION_YEARS = 20;

export const CaseRecord = z.object({
  reason: z.string().nullable(),
  closed: z.object({ at: z.string(), by: z.string(), reason: z.string(), destroyAfter: z.string() }).nullable(),
  /** The term that governs the case (the longest of its organisations') and a legal hold. */
  retention: CaseRetention,
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/** The day a case closed on `closedAt` may be destroyed: `years` after closing. */
export function destroyAfter(closedAt: string, years = DEFAULT_RETENTION_YEARS): string {
  const d = new Date(closedAt);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}
