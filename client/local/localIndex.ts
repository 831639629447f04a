import { z } from 'zod';
import { Me } from '../../shared/api.ts';

/**
 * What this device keeps about the sections someone opened, in `localStorage` (no content: the
 * text is in IndexedDB, one database per user and section, see {@link databaseName}; only the
 * last keystrokes wait here until IndexedDB has them, see `writeAhead.ts`). Read
 * through zod like every other boundary: another version of the app may have written it.
 */
const Entry = z.object({
  caseId: z.string(),
  sectionId: z.string(),
  /** The section's title, to name it if its text can no longer be stored. */
  title: z.string(),
  usedAt: z.number(),
  /** Changes typed here that the server has not acknowledged as stored. */
  pending: z.number().int().nonnegative(),
  /** Whether the copy ever held the server's state (an editor may bind to it offline). */
  synced: z.boolean(),
  /** Yjs client ids this person typed with in this section on this device. */
  mine: z.array(z.number().int().nonnegative()),
  /** Per own client id, the clock up to which the server acknowledged it as stored. */
  stored: z.record(z.string(), z.number().int().nonnegative()),
});
export type LocalEntry = z.infer<typeof Entry>;
const Index = z.record(z.string(), Entry);

/** A local copy unused this long is deleted, unless it holds changes that are not stored yet. */
export const KEEP_UNUSED_MS = 14 * 24 * 60 * 60 * 1000;

const PREFIX = 'tafel:';
const indexKey = (userId: string) => `${PREFIX}lokaal:${encodeURIComponent(userId)}`;
const openKey = (userId: string, caseId: string) => `${PREFIX}open:${encodeURIComponent(userId)}:${encodeURIComponent(caseId)}`;
const ME_KEY = `${PREFIX}ik`;
const writeAheadPrefix = (userId: string) => `${PREFIX}wal:${encodeURIComponent(userId)}:`;
export const writeAheadKey = (userId: string, caseId: string, sectionId: string) =>
  `${writeAheadPrefix(userId)}${encodeURIComponent(caseId)}:${encodeURIComponent(sectionId)}`;

export const roomKey = (caseId: string, sectionId: string) => `${caseId}/${sectionId}`;

/** IndexedDB database of one person's copy of one section; the user id comes first, so one account's are found together. */
export function databaseName(userId: string, caseId: string, sectionId: string): string {
  return `${accountDatabasePrefix(userId)}${encodeURIComponent(caseId)}:${encodeURIComponent(sectionId)}`;
}

export function accountDatabasePrefix(userId: string): string {
  return `${PREFIX}${encodeURIComponent(userId)}:`;
}

/** This site's `localStorage`, or null where it is switched off. */
export function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage switched off for this site: Tafel works, only without a local copy.
    return null;
  }
}

/** A JSON value kept under `key`, or null when there is none or it does not parse. */
export function readJson(key: string): unknown {
  try {
    return JSON.parse(storage()?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export function readIndex(userId: string): Record<string, LocalEntry> {
  const parsed = Index.safeParse(readJson(indexKey(userId)));
  return parsed.success ? parsed.data : {};
}

function writeIndex(userId: string, index: Record<string, LocalEntry>): void {
  try {
    storage()?.setItem(indexKey(userId), JSON.stringify(index));
  } catch {
    // A full storage costs the count after a reload, not the text (that is in IndexedDB).
  }
}

export function entryFor(userId: string, caseId: string, sectionId: string): LocalEntry | null {
  return readIndex(userId)[roomKey(caseId, sectionId)] ?? null;
}

/** Writes one section's entry, made from `base` when there is none yet. */
export function updateEntry(userId: string, base: Pick<LocalEntry, 'caseId' | 'sectionId' | 'title'>, change: (e: LocalEntry) => LocalEntry): void {
  const index = readIndex(userId);
  const key = roomKey(base.caseId, base.sectionId);
  const current = index[key] ?? { ...base, usedAt: Date.now(), pending: 0, synced: false, mine: [], stored: {} };
  index[key] = change(current);
  writeIndex(userId, index);
}

/** Removes and returns an entry: whoever takes it deals with its copy, and nobody else does. */
export function takeEntry(userId: string, caseId: string, sectionId: string): LocalEntry | null {
  const index = readIndex(userId);
  const key = roomKey(caseId, sectionId);
  const entry = index[key] ?? null;
  if (entry) {
    delete index[key];
    writeIndex(userId, index);
  }
  return entry;
}

/** Which sections were open on a case page, so a reload (offline too) opens them again. */
export function readOpenSections(userId: string, caseId: string): string[] {
  const parsed = z.array(z.string()).safeParse(readJson(openKey(userId, caseId)));
  return parsed.success ? parsed.data : [];
}

export function writeOpenSections(userId: string, caseId: string, open: readonly string[]): void {
  try {
    storage()?.setItem(openKey(userId, caseId), JSON.stringify(open));
  } catch {
    // Not essential: after a reload the sections are closed.
  }
}

/** The signed-in person as last heard from the server, so the app opens offline. */
export function rememberMe(me: Me): void {
  try {
    storage()?.setItem(ME_KEY, JSON.stringify(me));
  } catch {
    // Then the app does not open offline.
  }
}

export function rememberedMe(): Me | null {
  const parsed = Me.safeParse(readJson(ME_KEY));
  return parsed.success ? parsed.data : null;
}

/** Removes every key of this account (and the remembered person) from `localStorage`. */
export function forgetAccountKeys(userId: string): void {
  const s = storage();
  if (!s) return;
  const own = [indexKey(userId), `${PREFIX}open:${encodeURIComponent(userId)}:`, writeAheadPrefix(userId)];
  const doomed: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key && own.some((k) => key.startsWith(k))) doomed.push(key);
  }
  for (const key of doomed) s.removeItem(key);
  if (rememberedMe()?.id === userId) s.removeItem(ME_KEY);
}
