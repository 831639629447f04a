import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { type AgendaItem, AgendaItemView, AgendaScore, Invitee, MeetingStatus, Minutes, type Presence } from '../../shared/meetings.ts';
import type { SqlStore } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import type { MeetingTables } from './meetingTables.ts';

type Db = Kysely<Database & MeetingTables>;

/** The decision as stored with the meeting: the block written and the attendance it was filled from. */
export const StoredDecision = z.object({
  blockId: z.string(),
  sectionId: z.string(),
  keuze: z.string(),
  onderbouwing: z.string(),
  aanwezig: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type StoredDecision = z.infer<typeof StoredDecision>;

export const MeetingRow = z.object({
  id: z.string(),
  caseId: z.string(),
  date: z.string(),
  time: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  videoLink: z.string(),
  status: MeetingStatus,
  chairId: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  current: z.object({ itemId: z.string(), since: z.string() }).nullable(),
  decision: StoredDecision.nullable(),
  minutes: Minutes.nullable(),
});
export type MeetingRow = z.infer<typeof MeetingRow>;

/** An item as stored: as it is seen, its lines and scores read back as they were written. */
export const StoredItem = AgendaItemView.extend({ points: z.array(z.string()), scores: z.array(AgendaScore) });
export type StoredItem = z.infer<typeof StoredItem>;

/** An invitee as stored: as the Tafel shows them, with the address the invitation went to. */
export const StoredInvitee = Invitee.extend({ email: z.string() });
export type StoredInvitee = z.infer<typeof StoredInvitee>;

const PlannedTafel = z.object({ id: z.string(), date: z.string(), time: z.string() });

/** A new Tafel as it is stored. */
export interface NewMeeting {
  id: string;
  caseId: string;
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  videoLink: string;
  chairId: string;
  createdAt: string;
}

/** Meetings, their agenda and invitees; every row parsed with zod on the way out. */
export class MeetingStore {
  constructor(private readonly sql: SqlStore) {}

  private get db(): Db {
    return this.sql.db.withTables<MeetingTables>();
  }

  async create(m: NewMeeting, items: readonly AgendaItem[], invitees: readonly Omit<StoredInvitee, 'presence' | 'mailed'>[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('meetings')
        .values({
          id: m.id,
          case_id: m.caseId,
          date: m.date,
          time: m.time,
          duration_minutes: m.durationMinutes,
          place: m.place,
          video_link: m.videoLink,
          status: 'gepland',
          chair_id: m.chairId,
          created_at: m.createdAt,
          started_at: null,
          ended_at: null,
          current_item_id: null,
          current_since: null,
          decision: null,
          minutes: null,
        })
        .execute();
      await insertItems(trx, m.id, items, new Map());
      if (invitees.length > 0) {
        await trx
          .insertInto('meeting_invitees')
          .values(invitees.map((i) => ({ meeting_id: m.id, user_id: i.userId, name: i.name, role: i.role, email: i.email, mailed: 0, presence: null, presence_by: null, presence_at: null })))
          .execute();
      }
    });
  }

  async meetingsOf(caseId: string): Promise<MeetingRow[]> {
    const rows = await this.db.selectFrom('meetings').selectAll().where('case_id', '=', caseId).orderBy('date', 'desc').orderBy('time', 'desc').execute();
    return rows.map(toMeeting);
  }

  /** The planned Tafels of a case on `from` or later that `userId` is invited to, the first first. */
  async plannedFor(caseId: string, userId: string, from: string): Promise<{ id: string; date: string; time: string }[]> {
    const rows = await this.db
      .selectFrom('meetings')
      .innerJoin('meeting_invitees', 'meeting_invitees.meeting_id', 'meetings.id')
      .select(['meetings.id', 'meetings.date', 'meetings.time'])
      .where('meetings.case_id', '=', caseId)
      .where('meetings.status', '=', 'gepland')
      .where('meetings.date', '>=', from)
      .where('meeting_invitees.user_id', '=', userId)
      .orderBy('meetings.date')
      .orderBy('meetings.time')
      .execute();
    return rows.map((r) => PlannedTafel.parse(r));
  }

  /** The time of each of these Tafels that exists (`HH:MM`), by id: what a notice of an invitation names. */
  async timesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('meetings').select(['id', 'time']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.time]));
  }

  async meeting(caseId: string, id: string): Promise<MeetingRow | undefined> {
    const row = await this.db.selectFrom('meetings').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
    return row ? toMeeting(row) : undefined;
  }

  async items(meetingId: string): Promise<StoredItem[]> {
    const rows = await this.db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
    return rows.map((r) =>
      StoredItem.parse({
        id: r.id,
        kind: r.kind,
        title: r.title,
        sectionId: r.section_id,
        minutes: r.minutes,
        points: JSON.parse(r.points),
        scores: JSON.parse(r.scores),
        note: r.note,
        spentSeconds: r.spent_seconds,
      }),
    );
  }

  async invitees(meetingId: string): Promise<StoredInvitee[]> {
    const rows = await this.db.selectFrom('meeting_invitees').selectAll().where('meeting_id', '=', meetingId).orderBy('name').execute();
    return rows.map((r) => StoredInvitee.parse({ userId: r.user_id, name: r.name, role: r.role, email: r.email, mailed: r.mailed === 1, presence: r.presence }));
  }

  async markMailed(meetingId: string, userId: string): Promise<void> {
    await this.db.updateTable('meeting_invitees').set({ mailed: 1 }).where('meeting_id', '=', meetingId).where('user_id', '=', userId).execute();
  }

  /** Replaces the agenda, keeping the notes and time spent of items that stay. */
  async replaceAgenda(meetingId: string, items: readonly AgendaItem[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const kept = await trx.selectFrom('meeting_items').select(['id', 'note', 'spent_seconds']).where('meeting_id', '=', meetingId).execute();
      await trx.deleteFrom('meeting_items').where('meeting_id', '=', meetingId).execute();
      await insertItems(trx, meetingId, items, new Map(kept.map((k) => [k.id, { note: k.note, spent: k.spent_seconds }])));
    });
  }

  /**
   * The chair moves to `itemId` (null: none): the time on the item she leaves is added to it.
   * Guarded on the item she was on, so two moves at once cannot both count the same minutes.
   */
  async moveTo(meetingId: string, from: MeetingRow['current'], itemId: string | null, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      let q = trx.updateTable('meetings').set({ current_item_id: itemId, current_since: itemId ? at : null }).where('id', '=', meetingId);
      q = from ? q.where('current_item_id', '=', from.itemId).where('current_since', '=', from.since) : q.where('current_item_id', 'is', null);
      const res = await q.executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      if (from) {
        const seconds = Math.max(0, Math.floor((Date.parse(at) - Date.parse(from.since)) / 1000));
        const item = await trx.selectFrom('meeting_items').select('spent_seconds').where('meeting_id', '=', meetingId).where('id', '=', from.itemId).executeTakeFirst();
        if (item) await trx.updateTable('meeting_items').set({ spent_seconds: item.spent_seconds + seconds }).where('meeting_id', '=', meetingId).where('id', '=', from.itemId).execute();
      }
      return true;
    });
  }

  async setStatus(meetingId: string, from: MeetingStatus, to: MeetingStatus, at: string): Promise<boolean> {
    const set = to === 'bezig' ? { status: to, started_at: at } : { status: to, ended_at: at };
    const res = await this.db.updateTable('meetings').set(set).where('id', '=', meetingId).where('status', '=', from).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /**
   * Records an invitee's presence (false: not invited). With `onlyIfOpen`, only where none is
   * recorded yet, in the same statement, so what someone recorded meanwhile is never overwritten.
   */
  async setPresence(meetingId: string, userId: string, presence: Presence, by: string, at: string, onlyIfOpen = false): Promise<boolean> {
    let q = this.db.updateTable('meeting_invitees').set({ presence, presence_by: by, presence_at: at }).where('meeting_id', '=', meetingId).where('user_id', '=', userId);
    if (onlyIfOpen) q = q.where('presence', 'is', null);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async setNote(meetingId: string, itemId: string, text: string): Promise<boolean> {
    const res = await this.db.updateTable('meeting_items').set({ note: text }).where('meeting_id', '=', meetingId).where('id', '=', itemId).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Stores the decision once: a second one for the same Tafel is refused (false). */
  async setDecision(meetingId: string, decision: StoredDecision): Promise<boolean> {
    const res = await this.db.updateTable('meetings').set({ decision: JSON.stringify(decision) }).where('id', '=', meetingId).where('decision', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Takes back a decision whose block could not be stored, so the Raad can record it again. */
  async undoDecision(meetingId: string): Promise<void> {
    await this.db.updateTable('meetings').set({ decision: null }).where('id', '=', meetingId).execute();
  }

  async setMinutes(meetingId: string, minutes: Minutes): Promise<void> {
    await this.db.updateTable('meetings').set({ minutes: JSON.stringify(minutes) }).where('id', '=', meetingId).execute();
  }
}

async function insertItems(trx: Transaction<Database & MeetingTables>, meetingId: string, items: readonly AgendaItem[], kept: Map<string, { note: string; spent: number }>): Promise<void> {
  if (items.length === 0) return;
  await trx
    .insertInto('meeting_items')
    .values(
      items.map((item, position) => ({
        meeting_id: meetingId,
        id: item.id,
        position,
        kind: item.kind,
        title: item.title,
        section_id: item.sectionId,
        minutes: item.minutes,
        points: JSON.stringify(item.points),
        scores: JSON.stringify(item.scores),
        note: kept.get(item.id)?.note ?? '',
        spent_seconds: kept.get(item.id)?.spent ?? 0,
      })),
    )
    .execute();
}

function toMeeting(r: MeetingTables['meetings']): MeetingRow {
  return MeetingRow.parse({
    id: r.id,
    caseId: r.case_id,
    date: r.date,
    time: r.time,
    durationMinutes: Number(r.duration_minutes),
    place: r.place,
    videoLink: r.video_link,
    status: r.status,
    chairId: r.chair_id,
    createdAt: r.created_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    current: r.current_item_id && r.current_since ? { itemId: r.current_item_id, since: r.current_since } : null,
    decision: r.decision ? JSON.parse(r.decision) : null,
    minutes: r.minutes ? JSON.parse(r.minutes) : null,
  });
}
