import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { useLostEdits } from '../state/lostEdits.ts';
import { accountDatabasePrefix, databaseName, forgetAccountKeys, readIndex, roomKey, takeEntry } from './localIndex.ts';
import { accountCacheName } from './offlineCache.ts';
import { unsentText } from './unsentText.ts';
import { forgetWriteAhead, writeAheadFor } from './writeAhead.ts';

/** Something holding a local copy open (a section session): it lets go before the copy is deleted. */
export interface CopyHolder {
  release(): Promise<void>;
}

const holders = new Set<CopyHolder>();

export function holdCopy(holder: CopyHolder): () => void {
  holders.add(holder);
  return () => holders.delete(holder);
}

/** Deletes one IndexedDB database; waits while a tab still has it open. */
export function deleteDatabase(name: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    // Nothing more can be done from here; the account's key in localStorage is gone anyway.
    request.onerror = () => resolve();
  });
}

/** Reads a stored copy, and the keystrokes it may not have yet, into a fresh document, without connecting anything. */
async function readCopy(userId: string, caseId: string, sectionId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(databaseName(userId, caseId, sectionId), doc);
  await persistence.whenSynced;
  await persistence.destroy();
  for (const update of writeAheadFor(userId, caseId, sectionId).updates()) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Deletes this person's copy of a section whose text can no longer be stored or that they may no
 * longer see. Text typed and never stored is shown once for copying (never sent). `live` is the
 * document of an open session, which holds the same text without reading the database again.
 */
export async function discardCopy(userId: string, caseId: string, sectionId: string, live: Y.Doc | null = null): Promise<void> {
  const entry = takeEntry(userId, caseId, sectionId);
  const name = databaseName(userId, caseId, sectionId);
  if (entry && entry.pending > 0) {
    const doc = live ?? (await readCopy(userId, caseId, sectionId));
    useLostEdits.getState().add({ room: roomKey(caseId, sectionId), title: entry.title, text: unsentText(doc, entry.mine, entry.stored) });
    if (!live) doc.destroy();
  }
  forgetWriteAhead(userId, caseId, sectionId);
  await deleteDatabase(name);
}

/**
 * Sign-out: every local copy of this account (its IndexedDB databases), its kept API answers
 * (Cache Storage) and its keys in localStorage are deleted. The app shell the service worker
 * keeps holds no account data and stays, so the sign-in page opens offline.
 */
export async function forgetAccount(userId: string): Promise<void> {
  await Promise.all([...holders].map((h) => h.release()));
  const names = new Set(Object.values(readIndex(userId)).map((e) => databaseName(userId, e.caseId, e.sectionId)));
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    for (const db of await indexedDB.databases().catch(() => [])) {
      if (db.name?.startsWith(accountDatabasePrefix(userId))) names.add(db.name);
    }
  }
  await Promise.all([...names].map(deleteDatabase));
  if (typeof caches !== 'undefined') await caches.delete(accountCacheName(userId)).catch(() => false);
  forgetAccountKeys(userId);
}
