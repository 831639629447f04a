import * as Y from 'yjs';
import { dateInNetherlands, NETHERLANDS_TIME_ZONE } from '../../shared/calendar/isoDate.ts';
import { addDays } from '../../shared/calendar/werkdagen.ts';
import type { AccessLevel, Participant, SectionInstance, SectionStatus } from '../../shared/caseModel.ts';
import { SectionStatus as SectionStatusSchema } from '../../shared/caseModel.ts';
import { type CaseId, roomName, type SectionInstanceId } from '../../shared/ids.ts';
import { may } from '../../shared/access/may.ts';
import { reactionDeadline, type ReviewView, type StatusMove } from '../../shared/review.ts';
import { namesOf } from '../directory/names.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import { DomainError } from '../domainError.ts';
import { noticeReviewRequested, noticeShared } from '../notices/events.ts';
import type { SqlStore } from '../store/db.ts';
import type { StoredEdit } from '../documents/afterStore.ts';
import type { SectionDocuments } from '../documents/sectionDocuments.ts';

/** Statuses in which an approval is in force; a change to the content withdraws it. */
const APPROVED: readonly SectionStatus[] = ['goedgekeurd', 'gedeeld', 'vastgesteld'];

/**
 * Section status, approvals and the family's reaction period. An approval is bound to the exact
 * content approved: the Yjs snapshot (state vector plus delete set) of the live document at that
 * moment. A later stored change that makes the document differ withdraws it and sends the section
 * back to review.
 */
export class ReviewService {
  /** The server clock; replaceable in tests that need another day. */
  now: () => Date = () => new Date();
  /** Per section, the last stored edit this process announced, numbered. */
  private readonly lastEdits = new Map<string, { seq: number; edit: StoredEdit }>();
  private editSeq = 0;

  constructor(
    private readonly sql: SqlStore,
    private readonly documents: SectionDocuments,
    private readonly events: DomainEvents,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  private get db() {
    return this.sql.db;
  }

  async view(caseId: string, sectionId: string): Promise<ReviewView> {
    const [section, approval, events] = await Promise.all([
      this.db.selectFrom('sections').select('status').where('case_id', '=', caseId).where('id', '=', sectionId).executeTakeFirst(),
      this.db.selectFrom('approvals').selectAll().where('case_id', '=', caseId).where('section_id', '=', sectionId).orderBy('id', 'desc').limit(1).executeTakeFirst(),
      this.db.selectFrom('status_events').selectAll().where('case_id', '=', caseId).where('section_id', '=', sectionId).orderBy('id').execute(),
    ]);
    const status = SectionStatusSchema.parse(section?.status ?? 'concept');
    const ids = [...events.map((e) => e.user_id), ...(approval ? [approval.approved_by, approval.withdrawn_by ?? approval.approved_by] : [])];
    const name = await namesOf(this.sql, ids);
    const shared = [...events].reverse().find((e) => e.to_status === 'gedeeld');
    return {
      status,
      approval: approval
        ? {
            by: name(approval.approved_by),
            at: approval.approved_at,
            withdrawnAt: approval.withdrawn_at,
            withdrawnBy: approval.withdrawn_by ? name(approval.withdrawn_by) : null,
          }
        : null,
      reactionUntil: status === 'gedeeld' && shared ? (shared.reaction_until ?? reactionDeadline(dateInNetherlands(new Date(shared.at)))) : null,
      history: events.map((e) => ({
        from: SectionStatusSchema.parse(e.from_status),
        to: SectionStatusSchema.parse(e.to_status),
        by: name(e.user_id),
        at: e.at,
        reason: e.reason,
      })),
    };
  }

  /**
   * Moves a section to another status if the caller may (`may(me, 'move-status')`, plus the reaction
   * period before `vastgesteld`). Approving records the content approved.
   */
  async move(me: Participant, section: SectionInstance, level: AccessLevel, move: StatusMove): Promise<ReviewView> {
    const caseId = section.caseId;
    const current = await this.db.selectFrom('sections').select('status').where('case_id', '=', caseId).where('id', '=', section.id).executeTakeFirst();
    const from = SectionStatusSchema.parse(current?.status ?? section.status);
    const to = move.to;
    const verdict = may(me, 'move-status', { from, to, level });
    if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
    const now = this.now();
    const today = dateInNetherlands(now);
    if (from === 'gedeeld' && to === 'vastgesteld') {
      const until = (await this.view(caseId, section.id)).reactionUntil;
      if (until && reactionPeriodRunning(until, today)) {
        throw new DomainError('reaction_period', `Het gezin kan nog reageren tot en met ${dutchDate(until)}. Vaststellen kan vanaf ${dutchDate(addDays(until, 1))}.`);
      }
    }
    const room = roomName(caseId as CaseId, section.id as SectionInstanceId);
    const editsBefore = this.lastEdits.get(room)?.seq;
    const snapshot = to === 'goedgekeurd' ? await this.documents.read(room, (doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')) : null;
    const at = now.toISOString();
    const approvalId = await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('sections')
        .set({ status: to })
        .where('case_id', '=', caseId)
        .where('id', '=', section.id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new DomainError('conflict', 'De status is net veranderd. Kijk opnieuw.');
      await trx
        .insertInto('status_events')
        .values({
          case_id: caseId,
          section_id: section.id,
          from_status: from,
          to_status: to,
          user_id: me.userId,
          at,
          reason: move.reason,
          reaction_until: to === 'gedeeld' ? reactionDeadline(today) : null,
        })
        .execute();
      if (!snapshot) return null;
      const row = await trx
        .insertInto('approvals')
        .values({ case_id: caseId, section_id: section.id, approved_by: me.userId, approved_at: at, content_snapshot: snapshot, withdrawn_at: null, withdrawn_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    this.events.publish({ type: 'case-changed', caseId, what: 'status', sectionId: section.id });
    if (to === 'gedeeld') await noticeShared(this.sql, caseId, section.id, reactionDeadline(today));
    if (to === 'review') await noticeReviewRequested(this.sql, caseId, section.id, me.userId, at);
    // An edit announced while the approval was being stored found no approval to withdraw yet.
    const editDuring = this.lastEdits.get(room);
    if (approvalId !== null && snapshot && editDuring && editDuring.seq !== editsBefore) {
      await this.withdrawIfChanged({ id: approvalId, content_snapshot: snapshot, approved_by: me.userId }, editDuring.edit).catch((e) => this.log('withdrawing an approval', e));
    }
    return this.view(caseId, section.id);
  }

  /**
   * After stored edits: withdraws every approval in force whose section no longer has the content
   * approved, and sends the section back to review with the editor's name and time. An edit that
   * changed nothing (a reconnecting client resending what the server has) withdraws nothing.
   */
  async withdrawChanged(edits: readonly StoredEdit[]): Promise<void> {
    if (edits.length === 0) return;
    for (const edit of edits) this.lastEdits.set(roomName(edit.caseId as CaseId, edit.sectionId as SectionInstanceId), { seq: ++this.editSeq, edit });
    const caseIds = [...new Set(edits.map((e) => e.caseId))];
    const active = await this.db.selectFrom('approvals').selectAll().where('case_id', 'in', caseIds).where('withdrawn_at', 'is', null).orderBy('id', 'desc').execute();
    if (active.length === 0) return;
    for (const edit of edits) {
      const approval = active.find((a) => a.case_id === edit.caseId && a.section_id === edit.sectionId);
      if (!approval) continue;
      try {
        await this.withdrawIfChanged(approval, edit);
      } catch (e) {
        this.log(`withdrawing the approval of ${edit.caseId}/${edit.sectionId} failed`, e);
      }
    }
  }

  private async withdrawIfChanged(approval: { id: number; content_snapshot: string; approved_by: string }, edit: StoredEdit): Promise<void> {
    const room = roomName(edit.caseId as CaseId, edit.sectionId as SectionInstanceId);
    const same = await this.documents.read(room, (doc) => Y.equalSnapshots(Y.decodeSnapshot(Buffer.from(approval.content_snapshot, 'base64')), Y.snapshot(doc)));
    if (same) return;
    const withdrawn = await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('approvals')
        .set({ withdrawn_at: edit.at, withdrawn_by: edit.userId })
        .where('id', '=', approval.id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      // Another process saw the same change first.
      if (Number(res.numUpdatedRows) === 0) return null;
      const row = await trx.selectFrom('sections').select('status').where('case_id', '=', edit.caseId).where('id', '=', edit.sectionId).executeTakeFirst();
      const from = SectionStatusSchema.safeParse(row?.status);
      if (from.success && APPROVED.includes(from.data)) {
        await trx.updateTable('sections').set({ status: 'review' }).where('case_id', '=', edit.caseId).where('id', '=', edit.sectionId).execute();
        await trx
          .insertInto('status_events')
          .values({
            case_id: edit.caseId,
            section_id: edit.sectionId,
            from_status: from.data,
            to_status: 'review',
            user_id: edit.userId,
            at: edit.at,
            reason: withdrawalReason(edit.name, new Date(edit.at)),
            reaction_until: null,
          })
          .execute();
        return { backToReview: true };
      }
      return { backToReview: false };
    });
    if (!withdrawn) return;
    this.events.publish({ type: 'case-changed', caseId: edit.caseId, what: 'status', sectionId: edit.sectionId });
    // Back in review: who approved it is told her approval lapsed, the others who may approve are asked.
    if (withdrawn.backToReview) await noticeReviewRequested(this.sql, edit.caseId, edit.sectionId, edit.userId, edit.at, { approvedBy: approval.approved_by });
  }
}

/** "goedkeuring vervallen door wijziging van Karim El Amrani om 14:05" (time in the Netherlands). */
export function withdrawalReason(name: string, at: Date): string {
  const time = new Intl.DateTimeFormat('nl-NL', { timeZone: NETHERLANDS_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `goedkeuring vervallen door wijziging van ${name} om ${time}`;
}

/** True while the family may still react: through the last day of the period itself. */
export function reactionPeriodRunning(reactionUntil: string, today: string): boolean {
  return today <= reactionUntil;
}

/** "24 december 2026". */
export function dutchDate(date: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
}
