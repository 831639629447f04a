import type { AccessLevel, Participant, SectionInstance } from '../../shared/caseModel.ts';

/**
 * A section as one participant may reach it, decided by the one policy (`accessFor`): who asks,
 * the section, their level on it (never `none`: there is no context for a section one cannot
 * see) and its document's room name. The commands of comments and confirmations take this, so
 * the access decision is made once, before them, by `access/sectionAccess.ts`.
 */
export interface SectionContext {
  me: Participant;
  caseId: string;
  section: SectionInstance;
  level: Exclude<AccessLevel, 'none'>;
  room: string;
}
