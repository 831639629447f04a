import { z } from 'zod';
import { addWerkdagen } from './calendar/werkdagen.ts';
import { type AccessLevel, atLeast, SectionStatus } from './caseModel.ts';
import type { Role } from './roles.ts';
import { isFamilyRole } from './roles.ts';

/** The family has at least this many werkdagen to react once a section is shared with them. */
export const REACTION_WERKDAGEN = 5;

/** Last day of the family's reaction period for a section shared on `sharedOn` (YYYY-MM-DD). */
export function reactionDeadline(sharedOn: string): string {
  return addWerkdagen(sharedOn, REACTION_WERKDAGEN);
}

export const StatusMove = z.object({ to: SectionStatus, reason: z.string().trim().max(1000).default('') });
export type StatusMove = z.infer<typeof StatusMove>;

/**
 * Who may move a section from one status to the next (DOMAIN.md): writers send a draft to review
 * and back; only a gedragswetenschapper approves; the regisseur shares an approved section with
 * the family and, after the reaction period, fixes it. Returns the reason it is not allowed.
 */
export function statusMoveRefusal(from: SectionStatus, to: SectionStatus, role: Role, level: AccessLevel): string | null {
  if (isFamilyRole(role)) return 'Alleen professionals veranderen de status.';
  const writer = level === 'edit';
  switch (`${from}>${to}`) {
    case 'concept>review':
      return writer ? null : 'Alleen wie dit onderdeel mag bewerken, kan het ter review aanbieden.';
    case 'review>concept':
      return writer || role === 'gedragswetenschapper' ? null : 'Alleen een schrijver of de gedragswetenschapper kan het terugzetten.';
    case 'review>goedgekeurd':
      return role === 'gedragswetenschapper' && atLeast(level, 'comment') ? null : 'Alleen de gedragswetenschapper keurt goed.';
    case 'goedgekeurd>gedeeld':
      return role === 'regisseur' ? null : 'Alleen de regisseur deelt met het gezin.';
    case 'gedeeld>vastgesteld':
      return role === 'regisseur' ? null : 'Alleen de regisseur stelt vast.';
    default:
      return `Van ${from} naar ${to} kan niet.`;
  }
}

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
