import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod';
import { readJson, storage, writeAheadKey } from './localIndex.ts';

const Kept = z.array(z.object({ seq: z.number().int(), update: z.string() }));
type Kept = z.infer<typeof Kept>;

function read(key: string): Kept {
  const parsed = Kept.safeParse(readJson(key));
  return parsed.success ? parsed.data : [];
}

/**
 * y-indexeddb writes each update in a transaction of its own, which a reload or a closed tab can
 * abort before it commits: the last keystrokes would be gone. Until IndexedDB has committed an
 * update, it is also kept here, in `localStorage`, which is written at once. Only what was typed on
 * this device and is not yet in its copy is kept, so this stays a few lines long.
 */
export class WriteAhead {
  private kept: Kept;
  private seq: number;

  constructor(private readonly key: string) {
    this.kept = read(key);
    this.seq = this.kept.reduce((max, k) => Math.max(max, k.seq), 0);
  }

  /** Updates kept from before a reload that the copy may not hold (applying one twice changes nothing). */
  updates(): Uint8Array[] {
    return this.kept.map((k) => fromBase64(k.update));
  }

  /** Keeps `update` until `db` has committed what was asked of it before now. */
  add(update: Uint8Array, db: IDBDatabase | null): void {
    this.kept.push({ seq: ++this.seq, update: toBase64(update) });
    this.write();
    this.confirm(db);
  }

  /**
   * Forgets what `db` has committed: a transaction on the same store starts only after every
   * read-write one asked before it has finished, so its end says the earlier writes are done.
   */
  confirm(db: IDBDatabase | null): void {
    if (!db || this.kept.length === 0) return;
    const upTo = this.seq;
    try {
      const tx = db.transaction('updates', 'readonly');
      tx.oncomplete = () => {
        this.kept = this.kept.filter((k) => k.seq > upTo);
        this.write();
      };
    } catch {
      // The database is closing; what is kept stays for the next session.
    }
  }

  private write(): void {
    const s = storage();
    try {
      if (this.kept.length === 0) s?.removeItem(this.key);
      else s?.setItem(this.key, JSON.stringify(this.kept));
    } catch {
      // Storage full: the copy in IndexedDB still gets the update, only without this guard.
    }
  }
}

export function writeAheadFor(userId: string, caseId: string, sectionId: string): WriteAhead {
  return new WriteAhead(writeAheadKey(userId, caseId, sectionId));
}

export function forgetWriteAhead(userId: string, caseId: string, sectionId: string): void {
  try {
    storage()?.removeItem(writeAheadKey(userId, caseId, sectionId));
  } catch {
    // Nothing more to do.
  }
}
