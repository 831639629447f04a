import { z } from 'zod';
import { addWerkdagen } from './calendar/werkdagen.ts';
import { SectionStatus } from './caseModel.ts';

/** The family has at least this many werkdagen to react once a section is shared with them. */
export const REACTION_WERKDAGEN = 5;

/** Last day of the family's reaction period for a section shared on `sharedOn` (YYYY-MM-DD). */
export function reactionDeadline(sharedOn: string): string {
  return addWerkdagen(sharedOn, REACTION_WERKDAGEN);
}

export const StatusMove = z.object({ to: SectionStatus, reason: z.string().trim().max(1000).default('') });
export type StatusMove = z.infer<typeof StatusMove>;

/** Review state of one section, shown in its header. */
export const ReviewView = z.object({
  status: SectionStatus,
  approval: z
    .object({ by: z.string(), at: z.string(), withdrawnAt: z.string().nullable(), withdrawnBy: z.string().nullable() })
    .nullable(),
  /** Set while `gedeeld`: the day the family's reaction period ends. */
  reactionUntil: z.string().nullable(),
  history: z.array(z.object({ from: SectionStatus, to: SectionStatus, by: z.string(), at: z.string(), reason: z.string() })),
});
export type ReviewView = z.infer<typeof ReviewView>;
