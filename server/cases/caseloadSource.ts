import type { CaseloadItem } from '../../shared/caseload.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import type { Services } from '../services.ts';
import type { CaseRow } from '../store/caseStore.ts';

/** What a source of "Mijn zaken" items is given: one reader, one case, the sections they may read. */
export interface CaseloadInput {
  s: Services;
  me: Participant;
  row: CaseRow;
  /** The sections of the case the reader may read. */
  readable: readonly SectionContext[];
  /**
   * Those of `readable` someone has written in (they have a change time): a section nobody wrote
   * in holds no block, so a source that reads content need not load it.
   */
  written: readonly SectionContext[];
  /** The Dutch calendar day items are judged on. */
  today: string;
}

export type CaseloadSource = (input: CaseloadInput) => Promise<CaseloadItem[]>;
