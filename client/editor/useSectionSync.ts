import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { type SectionKey, SectionSession, type SessionView } from './sectionSession.ts';

const NOTHING: SessionView = { save: { kind: 'offline', pending: 0 }, ready: false, synced: false, closedMessage: null };

/**
 * One {@link SectionSession} per open section, torn down when the section closes or when edit
 * access comes or goes (a session for a section one may no longer edit starts by deleting unsent
 * edits from the copy on this device, never sending them).
 */
export function useSectionSync(key: SectionKey, access: AccessLevel): { session: SectionSession | null; view: SessionView } {
  const [session, setSession] = useState<SectionSession | null>(null);
  const mayEdit = access === 'edit';
  const { userId, caseId, sectionId, title } = key;

  useEffect(() => {
    const s = new SectionSession({ userId, caseId, sectionId, title }, mayEdit ? 'edit' : 'read');
    setSession(s);
    void s.start();
    return () => {
      setSession((current) => (current === s ? null : current));
      void s.destroy();
    };
  }, [userId, caseId, sectionId, title, mayEdit]);

  const view = useSyncExternalStore(
    (listener) => session?.subscribe(listener) ?? (() => {}),
    () => session?.current ?? NOTHING,
  );
  return { session, view };
}
