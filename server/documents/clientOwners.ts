import * as Y from 'yjs';
import type { ClientClaim, ClientOwner } from './updateLog.ts';

export type { ClientClaim, ClientOwner };

/** The answer of {@link ClientOwners.check}: refused, or allowed with the client ids it takes. */
export type OwnerCheck = { refused: true } | { refused: false; claims: ClientClaim[] };

const NO_CLAIMS: OwnerCheck = { refused: false, claims: [] };

/**
 * The owners of the client ids of one section document. Yjs attributes every inserted character
 * to the client id that made it, and the history names that id's owner as its author; so nobody
 * may write with a client id someone else wrote with first. A reloaded tab of the same user may
 * send its old id again (offline edits). A client id the document holds that nobody owns was
 * stored before ownership was kept: it stays closed, so nobody can take over old authorship.
 */
export class ClientOwners {
  private readonly owners = new Map<number, ClientOwner>();

  /** Owners as stored (at load) or heard from another process. */
  learn(claims: Iterable<ClientClaim>): void {
    for (const c of claims) {
      if (!this.owners.has(c.clientId)) this.owners.set(c.clientId, { userId: c.userId, role: c.role, organisationId: c.organisationId, ...(c.at ? { at: c.at } : {}) });
    }
  }

  owner(clientId: number): ClientOwner | undefined {
    return this.owners.get(clientId);
  }

  /**
   * Whether `author` may store `update` in `doc`: every client id that inserts content in it must
   * be theirs or new. New ids are taken for the author at once, so a second socket cannot race
   * for them; the caller stores the claims with the update.
   */
  check(doc: Y.Doc, update: Uint8Array, author: ClientOwner): OwnerCheck {
    const { from } = Y.parseUpdateMeta(update);
    if (from.size === 0) return NO_CLAIMS;
    let claims: ClientClaim[] | null = null;
    for (const clientId of from.keys()) {
      const owner = this.owners.get(clientId);
      if (owner) {
        if (owner.userId !== author.userId) return { refused: true };
        continue;
      }
      if (Y.getState(doc.store, clientId) > 0) return { refused: true };
      claims ??= [];
      claims.push({ clientId, userId: author.userId, role: author.role, organisationId: author.organisationId, at: new Date().toISOString() });
    }
    if (claims === null) return NO_CLAIMS;
    this.learn(claims);
    return { refused: false, claims };
  }
}
