import { accessFor } from '../../shared/access/accessFor.ts';
import { NOTICE_KINDS, NoticeDelivery, NoticeKind, type NoticeList, type NoticeMail, type NoticePreferences, type NoticeView, noticeText, type PreferenceChange } from '../../shared/notices.ts';
import { MeetingStore } from '../meetings/meetingStore.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SqlStore } from '../store/db.ts';
import { noticeDb } from './noticeTables.ts';
import { mailKeyOf } from './notices.ts';
import { signalNotices } from './noticeSignal.ts';

export type NoticeReadDeps = { sql: SqlStore; cases: CaseStore };

/** The newest notices a list shows. */
const LIST_LIMIT = 100;

/**
 * A person's notices as they may see them now: a notice about a section they can no longer read,
 * or about a case they are no longer in, is left out of the list and the count (an invitation
 * counts before one is in the case). Rows are parsed; the text comes from the kind.
 */
export async function noticesOf(s: NoticeReadDeps, userId: string): Promise<NoticeList> {
  const rows = await noticeDb(s.sql).selectFrom('notices').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(LIST_LIMIT).execute();
  const direct = rows.filter((r) => r.mail_state === 'direct').map(mailKeyOf);
  const mails = direct.length ? await noticeDb(s.sql).selectFrom('notice_mails').select(['unique_key', 'state']).where('user_id', '=', userId).where('unique_key', 'in', direct).execute() : [];
  const mailState = new Map(mails.map((m) => [m.unique_key, m.state]));
  const mailOf = (r: (typeof rows)[number]): NoticeMail => {
    if (r.mail_state === 'none') return 'geen';
    if (r.mail_state !== 'direct') return 'dagelijks';
    const state = mailState.get(mailKeyOf(r));
    return state === 'verstuurd' ? 'verstuurd' : state === 'mislukt' ? 'mislukt' : state === 'geen-smtp' ? 'geen-mailserver' : 'onderweg';
  };
  const timeOf = await meetingTimes(s, rows);
  const visibleIn = new Map<string, ReadableIn>();
  const notices: NoticeView[] = [];
  for (const row of rows) {
    const kind = NoticeKind.safeParse(row.kind);
    if (!kind.success) continue;
    let section: NoticeView['section'] = null;
    if (kind.data !== 'uitgenodigd') {
      let readable = visibleIn.get(row.case_id);
      if (!readable) {
        readable = await readableIn(s, row.case_id, userId);
        visibleIn.set(row.case_id, readable);
      }
      if (!readable.visible(row.section_id)) continue;
      // Named only now, as the reader may read it now: a title that changed reads as it is.
      const title = row.section_id === null ? undefined : readable.titles.get(row.section_id);
      if (row.section_id !== null && title !== undefined) section = { id: row.section_id, title };
    }
    const text = noticeText(kind.data, row.until, section?.title ?? null, kind.data === 'tafel-uitgenodigd' ? (timeOf.get(row.link) ?? null) : null);
    notices.push({ id: row.id, kind: kind.data, text, caseId: row.case_id, section, link: row.link, until: row.until, createdAt: row.created_at, read: row.read_at !== null, mail: mailOf(row) });
  }
  return { notices, unread: notices.filter((n) => !n.read).length };
}

/**
 * The time of each conversation a person is invited to, by the notice's link (`/zaken/<case>/tafel/<id>`),
 * as the Tafel has it now: two invitations on one day read apart ("om 16:00 uur", "om 17:00 uur").
 */
async function meetingTimes(s: NoticeReadDeps, rows: readonly { kind: string; link: string; case_id: string }[]): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const r of rows) {
    const id = r.kind === 'tafel-uitgenodigd' ? /^\/zaken\/[^/]+\/tafel\/([^/]+)$/.exec(r.link)?.[1] : undefined;
    if (id) wanted.set(decodeURIComponent(id), r.link);
  }
  if (wanted.size === 0) return new Map();
  const times = await new MeetingStore(s.sql).timesOf([...wanted.keys()]);
  return new Map([...times].map(([id, time]) => [wanted.get(id)!, time]));
}

/** What a person may see of a case's notices: which sections they may read, by `accessFor`, and their titles. */
interface ReadableIn {
  /** Whether a notice about this section (null: about the case) may be shown. */
  visible(sectionId: string | null): boolean;
  /** The titles of the sections the person may read, and only those. */
  titles: ReadonlyMap<string, string>;
}

async function readableIn(s: NoticeReadDeps, caseId: string, userId: string): Promise<ReadableIn> {
  const me = await s.cases.member(caseId, userId);
  if (!me) return { visible: () => false, titles: new Map() };
  const [sections, ctx] = await Promise.all([s.cases.sections(caseId), s.cases.accessContext(caseId)]);
  const titles = new Map(sections.filter((section) => accessFor(me, section, ctx).level !== 'none').map((section) => [section.id as string, section.title]));
  return { visible: (sectionId) => sectionId === null || titles.has(sectionId), titles };
}

/** Marks the person's notices read (only theirs: the user id is in the statement). */
export async function markRead(s: NoticeReadDeps, userId: string, ids: readonly number[] | undefined, at: Date = new Date()): Promise<void> {
  let q = noticeDb(s.sql).updateTable('notices').set({ read_at: at.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    q = q.where('id', 'in', [...ids]);
  }
  await q.execute();
  signalNotices(s.sql, userId);
}

/** The person's choice for every kind; a kind not chosen has its default. */
export async function preferencesOf(s: { sql: SqlStore }, userId: string): Promise<NoticePreferences> {
  const rows = await noticeDb(s.sql).selectFrom('notice_preferences').select(['kind', 'delivery']).where('user_id', '=', userId).execute();
  const delivery = Object.fromEntries(NoticeKind.options.map((k) => [k, NOTICE_KINDS[k].defaultDelivery])) as NoticePreferences['delivery'];
  for (const r of rows) {
    const kind = NoticeKind.safeParse(r.kind);
    const choice = NoticeDelivery.safeParse(r.delivery);
    if (kind.success && choice.success) delivery[kind.data] = choice.data;
  }
  return { delivery };
}

/** Stores the kinds the person changed; applies to notices made from now on. */
export async function setPreferences(s: { sql: SqlStore }, userId: string, change: PreferenceChange): Promise<NoticePreferences> {
  const db = noticeDb(s.sql);
  for (const [kind, delivery] of Object.entries(change.delivery)) {
    if (!delivery) continue;
    await db
      .insertInto('notice_preferences')
      .values({ user_id: userId, kind, delivery })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ delivery }))
      .execute();
  }
  return preferencesOf(s, userId);
}
