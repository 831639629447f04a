import { CaseDetail } from '../../shared/api.ts';
import { api, ApiFailure } from '../api/http.ts';
import { hasSession, sessionOf } from '../editor/liveSessions.ts';
import { SectionSession } from '../editor/sectionSession.ts';
import { discardCopy } from './deviceData.ts';
import { KEEP_UNUSED_MS, readIndex } from './localIndex.ts';

/** How long a section opened only to send what was typed offline may take. */
const SEND_TIMEOUT_MS = 20_000;

/**
 * Brings this device's copies of one case in line with what the server just said (a fresh read,
 * never a kept one): the copy of a section the person no longer sees is deleted; unsent edits in a
 * section they may no longer edit are shown once and deleted; unsent edits in a section they may
 * edit are sent, even when it is not open. Sections with an open session answer for themselves,
 * except one the read no longer lists: its panel is about to close, and the socket's refusal may
 * come after that, so its copy is discarded here.
 */
export async function reconcileCase(userId: string, detail: CaseDetail): Promise<void> {
  for (const entry of Object.values(readIndex(userId))) {
    if (entry.caseId !== detail.id) continue;
    const key = { userId, caseId: entry.caseId, sectionId: entry.sectionId, title: entry.title };
    const section = detail.sections.find((s) => s.id === entry.sectionId);
    const open = sessionOf(key);
    if (open) {
      if (!section) await open.discard();
      continue;
    }
    if (!section || (entry.pending > 0 && section.access !== 'edit')) await discardCopy(userId, entry.caseId, entry.sectionId);
    else if (entry.pending > 0) await send({ ...key, title: section.title });
  }
}

async function send(key: { userId: string; caseId: string; sectionId: string; title: string }): Promise<void> {
  const session = new SectionSession(key, 'edit');
  try {
    await session.start();
    await session.whenSaved(SEND_TIMEOUT_MS);
  } finally {
    await session.destroy();
  }
}

/**
 * Deletes the copies not opened for {@link KEEP_UNUSED_MS} (14 days), without asking the server:
 * a device that stays offline forgets them too. Copies with unsent edits stay until those are sent.
 */
export async function forgetUnused(userId: string): Promise<void> {
  const now = Date.now();
  for (const entry of Object.values(readIndex(userId))) {
    if (entry.pending === 0 && now - entry.usedAt > KEEP_UNUSED_MS && !hasSession({ userId, ...entry })) await discardCopy(userId, entry.caseId, entry.sectionId);
  }
}

/**
 * For every case with a copy on this device: read it fresh and reconcile. A case the person is no
 * longer in (404) loses its copies; without a connection nothing happens (the next return retries).
 */
export async function reconcileAll(userId: string, exceptCase: string | null): Promise<void> {
  const cases = new Set(Object.values(readIndex(userId)).map((e) => e.caseId));
  cases.delete(exceptCase ?? '');
  for (const caseId of cases) {
    try {
      await reconcileCase(userId, await api('GET', `/api/cases/${encodeURIComponent(caseId)}`, CaseDetail));
    } catch (e) {
      if (!(e instanceof ApiFailure) || e.status === 0) return;
      if (e.status === 404 || e.status === 403) {
        for (const entry of Object.values(readIndex(userId))) if (entry.caseId === caseId) await discardCopy(userId, caseId, entry.sectionId);
      }
    }
  }
}
