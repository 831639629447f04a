/**
 * The last answers of a few API reads (case list, case, confirmations), kept per account in the
 * browser's Cache Storage so the case opens offline. The server marks every API answer
 * `no-store`, so nothing else keeps them; sign-out deletes this cache with the account's copies.
 */

let owner: string | null = null;

/** Only reads of the signed-in person are kept, under their own name. */
export function setCacheOwner(userId: string | null): void {
  owner = userId;
}

export const accountCacheName = (userId: string) => `tafel-gegevens:${encodeURIComponent(userId)}`;

/** The reads that the case page needs to open offline. */
const KEPT = /^\/api\/cases(\/[^/?]+(\/confirmations)?)?$/;

function available(): boolean {
  return typeof caches !== 'undefined';
}

export async function remember(url: string, body: unknown): Promise<void> {
  if (!owner || !available() || !KEPT.test(url)) return;
  try {
    const cache = await caches.open(accountCacheName(owner));
    await cache.put(url, new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  } catch {
    // A full or blocked cache only means this read is not there offline.
  }
}

/** The kept answer, or `undefined` when there is none. */
export async function recall(url: string): Promise<unknown> {
  if (!owner || !available() || !KEPT.test(url)) return undefined;
  try {
    const cache = await caches.open(accountCacheName(owner));
    const hit = await cache.match(url);
    return hit ? await hit.json() : undefined;
  } catch {
    return undefined;
  }
}
