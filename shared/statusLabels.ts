import type { z } from 'zod';
import { type SectionStatus, STATUS_LABEL } from './caseModel.ts';
import { labelledEnum } from './labelledEnum.ts';
import { isFamilyRole, type Role } from './roles.ts';

/**
 * How far a section is, in the family's words (B1). The five steps of the review (concept →
 * review → goedgekeurd → gedeeld → vastgesteld) are the professionals' business; a parent needs
 * to know three things: it can still change, it is waiting for our reaction, or it is final.
 * Server (the home page's answer) and client (badges) both read this one table.
 */
export const FAMILY_STATUS_LABEL = {
  'nog-niet-klaar': 'Nog niet klaar',
  'klaar-voor-reactie': 'Klaar voor jullie reactie',
  vastgesteld: 'Vastgesteld',
};
export const FamilyStatus = labelledEnum(FAMILY_STATUS_LABEL);
export type FamilyStatus = z.infer<typeof FamilyStatus>;

/** One sentence under the label: what it means for the family. */
export const FAMILY_STATUS_MEANING: Record<FamilyStatus, string> = {
  'nog-niet-klaar': 'De hulpverleners schrijven hier nog aan. Het kan nog veranderen.',
  'klaar-voor-reactie': 'Jullie kunnen nu laten weten wat jullie ervan vinden.',
  vastgesteld: 'Dit is definitief. Jullie kunnen er nog steeds op reageren.',
};

/** Which of the three each step of the review is. */
export const FAMILY_STATUS: Record<SectionStatus, FamilyStatus> = {
  concept: 'nog-niet-klaar',
  review: 'nog-niet-klaar',
  goedgekeurd: 'nog-niet-klaar',
  gedeeld: 'klaar-voor-reactie',
  vastgesteld: 'vastgesteld',
};

/** The status label a person reads: the family's three words, or the professionals' five. */
export function statusLabelFor(role: Role, status: SectionStatus): string {
  return isFamilyRole(role) ? FAMILY_STATUS_LABEL[FAMILY_STATUS[status]] : STATUS_LABEL[status];
}
