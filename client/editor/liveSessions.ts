/** The section a session is of: one per user, case and section. */
type RoomOf = { userId: string; caseId: string; sectionId: string };

/** What others may ask of an open session through this list (sectionSession.ts is the one kind). */
export interface LiveSession {
  /** Drops the section's local copy and closes the session: the section is no longer readable. */
  discard(): Promise<void>;
}

/** Sections with a session right now (`<userId>/<caseId>/<sectionId>`): one copy, one session. */
const live = new Map<string, LiveSession>();
const keyOf = (k: RoomOf) => `${k.userId}/${k.caseId}/${k.sectionId}`;

export function addSession(key: RoomOf, session: LiveSession): void {
  live.set(keyOf(key), session);
}

export function removeSession(key: RoomOf): void {
  live.delete(keyOf(key));
}

/** The open session of a section, which then answers for its copy. */
export function sessionOf(key: RoomOf): LiveSession | null {
  return live.get(keyOf(key)) ?? null;
}

export function hasSession(key: RoomOf): boolean {
  return live.has(keyOf(key));
}
