import { createContext, useContext } from 'react';
import type { CaseDetail, Confirmation } from '../../shared/api.ts';

export interface CaseContextValue {
  detail: CaseDetail;
  confirmations: Confirmation[];
  confirm(sectionId: string, blockId: string): Promise<void>;
  /** Opens a section of the analysis (if it is not open yet) and scrolls to it. */
  showSection(sectionId: string): void;
}

/** The open case, for components deep inside editors (block node views). */
export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCase outside a case page');
  return value;
}
