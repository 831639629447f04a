import { MeetingStore } from '../meetings/meetingStore.ts';
import type { CaseloadSource } from './caseloadSource.ts';

/**
 * The planned Tafels I am invited to, from today on, each on its day with its time. Only that: the
 * agenda is drawn from sections, so nothing of it goes into the list. The reader is a participant
 * of the case (the list is built per participation), so an invitee who left the case gets none.
 */
export const plannedTafels: CaseloadSource = async ({ s, me, row, today }) =>
  (await new MeetingStore(s.sql).plannedFor(row.id, me.userId, today)).map((m) => ({
    kind: 'tafel',
    id: m.id,
    wat: `Jeugdbeschermingstafel om ${m.time}`,
    due: m.date,
    overdue: false,
    sectionId: null,
    sectionTitle: null,
  }));
