import { dateInNetherlands, netherlandsOffsetMs } from '../../shared/calendar/isoDate.ts';
import { werkdagenBetween } from '../../shared/calendar/werkdagen.ts';
import type { Participant, SectionInstance } from '../../shared/caseModel.ts';
import { agreementLink, receivesNotice } from '../../shared/notices.ts';
import { blocksOf } from '../documents/sectionContent.ts';
import type { Services } from '../services.ts';
import { readersOf } from './audience.ts';
import { caseDeadlinesDue, dueBlock, sectionDeadlinesDue } from './deadlineNotices.ts';
import { noticeDb } from './noticeTables.ts';
import { notify } from './notices.ts';

export type SchedulerDeps = Pick<Services, 'sql' | 'cases' | 'documents' | 'log'>;

/** The daily mail goes out from this hour (Dutch time) on. */
const DIGEST_HOUR = 8;

/**
 * The notices that come from time passing: a reaction period that ends in 2 werkdagen, a consent
 * that ends within 7 days, deadlines within 2 werkdagen or passed (once a day), an agreement that
 * waits for a party's confirmation, and the daily mail. Every process may sweep: each notice has
 * a key, so a second sweep (here or elsewhere) makes nothing twice. The clock is injected.
 */
export class NoticeScheduler {
  /** Sections changed since this moment are read for agreements waiting for a confirmation. */
  private changedSince: string | null = null;
  private deadlinesDoneFor: string | null = null;

  constructor(
    private readonly s: SchedulerDeps,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** One sweep at the clock's now. */
  async sweep(): Promise<void> {
    const now = this.now();
    const today = dateInNetherlands(now);
    await this.reactionEnding(now, today);
    await this.consentsEnding(now);
    await this.agreementsWaiting(now);
    if (this.deadlinesDoneFor !== today) {
      // Reading every document of every open case is done once a day by one process, not by each.
      if (await this.claimDay(`termijnen:${today}`, now)) await this.deadlines(now, today);
      this.deadlinesDoneFor = today;
    }
    if (new Date(now.getTime() + netherlandsOffsetMs(now.getTime())).getUTCHours() >= DIGEST_HOUR) await this.digests(now, today);
  }

  /** The family is told on the werkdag 2 werkdagen before the last day of their reaction period. */
  private async reactionEnding(now: Date, today: string): Promise<void> {
    const rows = await this.s.sql.db
      .selectFrom('status_events')
      .innerJoin('sections', (j) => j.onRef('sections.case_id', '=', 'status_events.case_id').onRef('sections.id', '=', 'status_events.section_id'))
      .select(['status_events.id', 'status_events.case_id', 'status_events.section_id', 'status_events.to_status', 'status_events.reaction_until'])
      .where('sections.status', '=', 'gedeeld')
      .orderBy('status_events.id')
      .execute();
    // The latest sharing of each section counts.
    const latest = new Map<string, { caseId: string; sectionId: string; until: string | null }>();
    for (const r of rows) if (r.to_status === 'gedeeld') latest.set(`${r.case_id}/${r.section_id}`, { caseId: r.case_id, sectionId: r.section_id, until: r.reaction_until });
    for (const { caseId, sectionId, until } of latest.values()) {
      if (!until || until < today || werkdagenBetween(today, until) > 2) continue;
      const section = await this.s.cases.section(caseId, sectionId);
      if (!section) continue;
      for (const p of await readersOf(this.s, section)) {
        if (!receivesNotice(p.role, 'reactie-eindigt')) continue;
        await notify(this.s, { kind: 'reactie-eindigt', userId: p.userId, caseId, sectionId, link: `/zaken/${caseId}`, until, key: `reactie-eindigt:${caseId}:${sectionId}:${until}`, at: now });
      }
    }
  }

  /** Whoever gave a consent is told when it ends within 7 days, so they can renew it or let it end. */
  private async consentsEnding(now: Date): Promise<void> {
    const rows = await this.s.sql.db
      .selectFrom('consents')
      .select(['id', 'case_id', 'section_id', 'given_by', 'until'])
      .where('basis', '=', 'toestemming')
      .where('withdrawn_at', 'is', null)
      .where('until', '>', now.toISOString())
      .where('until', '<=', new Date(now.getTime() + 7 * 86_400_000).toISOString())
      .execute();
    for (const c of rows) {
      if (!c.until || !(await this.s.cases.member(c.case_id, c.given_by))) continue;
      const until = dateInNetherlands(new Date(c.until));
      await notify(this.s, { kind: 'toestemming-eindigt', userId: c.given_by, caseId: c.case_id, sectionId: c.section_id, link: `/zaken/${c.case_id}`, until, key: `toestemming-eindigt:${c.id}:${c.until}`, at: now });
    }
  }

  /** Each party of an open agreement in a changed section who has not confirmed it is asked once. */
  private async agreementsWaiting(now: Date): Promise<void> {
    const since = this.changedSince ?? new Date(now.getTime() - 86_400_000).toISOString();
    this.changedSince = now.toISOString();
    const changed = await this.s.sql.db.selectFrom('sections').select(['case_id', 'id']).where('updated_at', '>=', since).execute();
    for (const row of changed) {
      const section = await this.s.cases.section(row.case_id, row.id);
      if (!section) continue;
      const agreements = (await this.blocks(section)).filter((b) => b.type === 'afspraak' && b.status === 'open');
      if (agreements.length === 0) continue;
      const readers = await readersOf(this.s, section);
      const confirmed = new Set((await this.s.sql.db.selectFrom('confirmations').select(['block_id', 'user_id']).where('case_id', '=', section.caseId).where('section_id', '=', section.id).execute()).map((c) => `${c.block_id}/${c.user_id}`));
      for (const a of agreements) {
        for (const p of partiesAmong(a.parties, readers)) {
          if (confirmed.has(`${a.id}/${p.userId}`)) continue;
          await notify(this.s, { kind: 'bevestiging-gevraagd', userId: p.userId, caseId: section.caseId, sectionId: section.id, link: agreementLink(section.caseId, a.id), key: `bevestiging:${section.caseId}:${section.id}:${a.id}`, at: now });
        }
      }
    }
  }

  /** Deadlines of open cases: the case's own to whoever directs it, agreements and actions to who may read them. */
  private async deadlines(now: Date, today: string): Promise<void> {
    const cases = await this.s.sql.db.selectFrom('cases').select(['id', 'region', 'dates']).where('closed_at', 'is', null).execute();
    for (const c of cases) {
      const participants = (await this.s.cases.participants(c.id)).filter((p) => !p.emergency);
      const directors = participants.filter((p) => p.role === 'regisseur');
      const due = caseDeadlinesDue(c.dates, c.region, today);
      for (const section of await this.s.cases.sections(c.id)) {
        const items = sectionDeadlinesDue(await this.blocks(section), today);
        if (items.length === 0) continue;
        const readers = await readersOf(this.s, section);
        for (const item of items) {
          const told = [...readers.filter((r) => r.role === 'regisseur'), ...partiesAmong(item.parties, readers)];
          due.push({ key: `${section.id}:${item.key}`, to: told, sectionId: section.id });
        }
      }
      for (const d of due) {
        for (const p of new Map((d.to ?? directors).map((p) => [p.userId, p])).values()) {
          await notify(this.s, { kind: 'termijn', userId: p.userId, caseId: c.id, sectionId: d.sectionId ?? null, link: `/zaken/${c.id}/overzicht`, key: `termijn:${c.id}:${d.key}`, at: now });
        }
      }
    }
  }

  /**
   * Claims a daily pass for this process with a unique row in the outbox table (state `verstuurd`,
   * so it is never sent): whoever inserts it does the pass. A process that dies during its pass
   * leaves the rest of that day's items to the next day's pass.
   */
  private async claimDay(what: string, now: Date): Promise<boolean> {
    const row = await noticeDb(this.s.sql)
      .insertInto('notice_mails')
      .values({ unique_key: `pass:${what}`, user_id: '', kind: 'pass', notice_ids: '[]', state: 'verstuurd', attempts: 0, next_attempt_at: now.toISOString(), claimed_by: null, claimed_until: null, last_error: null, created_at: now.toISOString(), sent_at: now.toISOString() })
      .onConflict((oc) => oc.column('unique_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** One mail a day for each person with notices they chose to get daily, queued once whoever sweeps. */
  private async digests(now: Date, today: string): Promise<void> {
    const db = noticeDb(this.s.sql);
    const users = await db.selectFrom('notices').select('user_id').distinct().where('mail_state', '=', 'digest').execute();
    for (const { user_id } of users) {
      await db.transaction().execute(async (trx) => {
        const ids = (await trx.selectFrom('notices').select('id').where('user_id', '=', user_id).where('mail_state', '=', 'digest').orderBy('id').execute()).map((r) => r.id);
        if (ids.length === 0) return;
        const queued = await trx
          .insertInto('notice_mails')
          .values({ unique_key: `digest:${user_id}:${today}`, user_id, kind: 'dagelijks', notice_ids: JSON.stringify(ids), state: 'wacht', attempts: 0, next_attempt_at: now.toISOString(), claimed_by: null, claimed_until: null, last_error: null, created_at: now.toISOString(), sent_at: null })
          .onConflict((oc) => oc.column('unique_key').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (queued) await trx.updateTable('notices').set({ mail_state: 'done' }).where('id', 'in', ids).execute();
      });
    }
  }

  private async blocks(section: SectionInstance) {
    const room = `${section.caseId}/${section.id}`;
    return this.s.documents.readOr(room, this.s.log, (doc) => blocksOf(doc).flatMap((b) => dueBlock(b)), []);
  }
}

/** The parties of a block who are members that may read its section. */
function partiesAmong(parties: readonly { userId: string | null }[], readers: readonly Participant[]): Participant[] {
  return readers.filter((r) => parties.some((p) => p.userId === r.userId));
}
