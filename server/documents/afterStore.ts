/** A change to a section that was stored: the section and who changed it last in a flush. */
export interface StoredEdit {
  caseId: string;
  sectionId: string;
  userId: string;
  name: string;
  /** ISO time of the edit. */
  at: string;
}

/** Who stored an update in a section during a flush, as the audit log records an edit. */
export interface SectionEditor {
  caseId: string;
  sectionId: string;
  userId: string;
  role: string;
  organisationId: string;
}

/** The author of an update as the documents know them: the participant it was admitted as. */
export type EditAuthor = Pick<SectionEditor, 'userId' | 'role' | 'organisationId'> & { name: string };

/** What was stored since the last flush. */
export interface StoredBatch {
  /** One per section changed, naming its last author. */
  edits: StoredEdit[];
  /** Every person who stored an update through a socket, per section (server edits are not among them). */
  editors: SectionEditor[];
}

/**
 * What happens after updates are stored, once per flush and never per keystroke: the review
 * withdrawing approvals, the audit log, the sections' change times, the live events. Each is a
 * listener of its own; app.ts wires them in one list, run in that order. A listener that fails is
 * logged by name and the others still run: storing has already happened.
 */
export interface AfterStoreListener {
  readonly name: string;
  stored(batch: StoredBatch): Promise<void> | void;
}

/** How long stored edits gather before the listeners hear of them: six people typing must not be hundreds of events. */
const FLUSH_MS = 150;

/**
 * Gathers the edits the documents stored and hands them to the listeners every 150 ms; a server
 * edit (restoring a version, removing a passage) is handed over at once, and `close` hands over
 * what is still gathered before a stop, so no audit entry or change time is lost.
 */
export class AfterStore {
  private readonly edits = new Map<string, StoredEdit>();
  private readonly editors = new Map<string, SectionEditor>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly listeners: readonly AfterStoreListener[],
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  /** An update by `author` in a section was stored: gathered for the next flush. */
  stored(caseId: string, sectionId: string, author: EditAuthor): void {
    const { userId, name, role, organisationId } = author;
    this.edits.set(`${caseId}/${sectionId}`, { caseId, sectionId, userId, name, at: new Date().toISOString() });
    this.editors.set(`${caseId}/${sectionId}/${userId}`, { caseId, sectionId, userId, role, organisationId });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** A server edit was stored: its listeners run now; resolves when they did. */
  async storedByServer(edit: StoredEdit): Promise<void> {
    // The server edit is the last change of its section: a socket's before it is not announced again.
    this.edits.delete(`${edit.caseId}/${edit.sectionId}`);
    await this.hand({ edits: [edit], editors: [] });
  }

  /** Hands over what is gathered now and waits for every listener (a graceful stop). */
  async close(): Promise<void> {
    await this.flush();
    await this.running;
  }

  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = { edits: [...this.edits.values()], editors: [...this.editors.values()] };
    this.edits.clear();
    this.editors.clear();
    if (batch.edits.length === 0 && batch.editors.length === 0) return Promise.resolve();
    return this.hand(batch);
  }

  private hand(batch: StoredBatch): Promise<void> {
    const done = Promise.all(
      this.listeners.map(async (l) => {
        try {
          await l.stored(batch);
        } catch (e) {
          this.log(`after store: ${l.name}`, e);
        }
      }),
    ).then(() => {});
    this.running = Promise.all([this.running, done]).then(() => {});
    return done;
  }
}
