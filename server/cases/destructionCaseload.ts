import { may } from '../../shared/access/may.ts';
import { RetentionStore } from '../store/retentionStore.ts';
import type { CaseloadSource } from './caseloadSource.ts';

/**
 * The family's open destruction requests, each due on the day its answer is (3 months after
 * filing), in the list of who answers them. It reads no section content, so it counts for a
 * closed case too: most requests come after closing.
 */
export const destructionRequestItems: CaseloadSource = async ({ s, me, row, today }) => {
  if (!may(me, 'answer-destruction', null).ok) return [];
  const open = (await new RetentionStore(s.sql).requests(row.id)).filter((r) => r.status === 'open');
  return open.map((r) => ({
    kind: 'vernietigingsverzoek',
    id: r.id,
    wat: `Verzoek om vernietiging beantwoorden (gevraagd op ${r.filed_at.slice(0, 10)})`,
    due: r.due_on,
    overdue: r.due_on < today,
    sectionId: null,
    sectionTitle: null,
  }));
};
