import type { SqlStore } from '../store/db.ts';

type Listener = (userId: string) => void;

/** Per store (one per running Tafel, several in one test process): who wants to hear of a changed notice. */
const listeners = new WeakMap<SqlStore, Set<Listener>>();

/**
 * Says, after the commit, that this person's notices changed (a new one, some read), so their open
 * header streams count again. Carries only the user id: the count is made for each stream by its
 * own reader (`noticeEventRoutes.ts`), so nobody hears another's count.
 */
export function signalNotices(sql: SqlStore, userId: string): void {
  for (const l of listeners.get(sql) ?? []) l(userId);
}

/** Hears {@link signalNotices} for one store; wired once, by the route module that streams the count. */
export function onNoticesChanged(sql: SqlStore, listener: Listener): void {
  const set = listeners.get(sql) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(sql, set);
}
