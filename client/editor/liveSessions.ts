import type { SectionKey, SectionSession } from './sectionSession.ts';

type RoomOf = Pick<SectionKey, 'userId' | 'caseId' | 'sectionId'>;

/** Sections with a session right now (`<userId>/<caseId>/<sectionId>`): one copy, one session. */
const live = new Map<string, SectionSession>();
const keyOf = (k: RoomOf) => `${k.userId}/${k.caseId}/${k.sectionId}`;

export function addSession(key: RoomOf, session: SectionSession): void {
  live.set(keyOf(key), session);
}

export function removeSession(key: RoomOf): void {
  live.delete(keyOf(key));
}

/** The open session of a section, which then answers for its copy. */
export function sessionOf(key: RoomOf): SectionSession | null {
  return live.get(keyOf(key)) ?? null;
}

export function hasSession(key: RoomOf): boolean {
  return live.has(keyOf(key));
}
