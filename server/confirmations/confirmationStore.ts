import type { z } from 'zod';
import { Confirmation } from '../../shared/api.ts';
import type { SqlStore } from '../store/db.ts';

/** A confirmation as stored: who confirmed which agreement (block) of which section, when. The name is added when shown. */
export const StoredConfirmation = Confirmation.omit({ name: true });
export type StoredConfirmation = z.infer<typeof StoredConfirmation>;

/** Confirmations of safety agreements in SQL; rows are parsed with zod on the way out. No rule lives here. */
export class ConfirmationStore {
  constructor(private readonly sql: SqlStore) {}

  /** The confirmations on these sections, oldest first; rows of other sections are never read out. */
  async onSections(caseId: string, sectionIds: readonly string[]): Promise<StoredConfirmation[]> {
    if (sectionIds.length === 0) return [];
    const rows = await this.sql.db.selectFrom('confirmations').selectAll().where('case_id', '=', caseId).where('section_id', 'in', [...sectionIds]).orderBy('at').execute();
    return rows.map((r) => StoredConfirmation.parse({ sectionId: r.section_id, blockId: r.block_id, userId: r.user_id, at: r.at }));
  }

  /** Stores a confirmation; confirming the same agreement again changes nothing. */
  async add(caseId: string, c: StoredConfirmation): Promise<void> {
    await this.sql.db
      .insertInto('confirmations')
      .values({ case_id: caseId, section_id: c.sectionId, block_id: c.blockId, user_id: c.userId, at: c.at })
      .onConflict((oc) => oc.columns(['case_id', 'section_id', 'block_id', 'user_id']).doNothing())
      .execute();
  }
}
