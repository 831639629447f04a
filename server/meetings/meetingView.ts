import { may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { BesluitKeuze } from '../../shared/blocks/besluit.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { type MeetingSummary, type MeetingView, startRefusal } from '../../shared/meetings.ts';
import { readableSections } from '../access/sectionAccess.ts';
import { decisionMatches } from './meetingDecision.ts';
import type { MeetingDeps } from './meetingCommands.ts';
import type { MeetingRow } from './meetingStore.ts';
import { decisionFor, minutesFor } from './readerMinutes.ts';

/**
 * A Tafel as one participant may see it. Items about a section they may not read are left out
 * entirely (not listed, not counted, not the current item), and so are the notes on them, their
 * lines in the minutes and the decision when the besluit section is closed to them.
 */
export async function meetingView(deps: MeetingDeps, me: Participant, m: MeetingRow): Promise<MeetingView> {
  const { s, store } = deps;
  const readable = new Set<string>((await readableSections(s, me, m.caseId)).map((r) => r.section.id));
  const visible = (sectionId: string | null) => sectionId === null || readable.has(sectionId);
  const [items, invitees] = await Promise.all([store.items(m.id), store.invitees(m.id)]);
  const agenda = items.filter((i) => visible(i.sectionId));
  const current = m.current && agenda.some((i) => i.id === m.current!.itemId) ? m.current : null;
  const d = decisionFor(m, visible);
  const names = await s.directory.namesOf([m.chairId, ...(d ? [d.recordedBy] : [])]);
  return {
    id: m.id,
    date: m.date,
    time: m.time,
    status: m.status,
    durationMinutes: m.durationMinutes,
    place: m.place,
    videoLink: m.videoLink,
    chair: { userId: m.chairId, name: names(m.chairId) },
    invitees: invitees.map(({ userId, name, role, presence, mailed }) => ({ userId, name, role, presence, mailed })),
    agenda,
    current,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    decision: d
      ? {
          blockId: d.blockId,
          keuze: BesluitKeuze.parse(d.keuze),
          onderbouwing: d.onderbouwing,
          aanwezig: d.aanwezig,
          recordedBy: names(d.recordedBy),
          recordedAt: d.recordedAt,
          matchesAttendance: await decisionMatches(deps, m),
        }
      : null,
    minutes: minutesFor(m, visible),
    startBlocked: m.status === 'gepland' ? startRefusal(m.date, dateInNetherlands(s.now())) : null,
    mayChair: may(me, 'chair-meeting', null).ok,
    mayDecide: may(me, 'record-decision', null).ok,
  };
}

/** The Tafels of a case, newest first. */
export function summaries(rows: readonly MeetingRow[]): MeetingSummary[] {
  return rows.map(({ id, date, time, status }) => ({ id, date, time, status }));
}

/** One read of a Tafel is logged per person per Tafel per window: the page re-reads on every move of the chair. */
const VIEW_WINDOW_MS = 5 * 60_000;

/**
 * Logs that someone read a Tafel (NEN 7513: its agenda holds lines from several sections), at most
 * once per window per person and Tafel in this process, with how many items they could see.
 */
export class MeetingReads {
  private readonly last = new Map<string, number>();

  async record(deps: MeetingDeps, me: Participant, view: MeetingView, now = Date.now()): Promise<void> {
    const key = `${view.id}/${me.userId}`;
    const last = this.last.get(key);
    if (last !== undefined && now - last < VIEW_WINDOW_MS) return;
    this.last.set(key, now);
    await deps.s.audit.record({
      event: 'tafel-bekeken',
      caseId: me.caseId,
      userId: me.userId,
      role: me.role,
      organisationId: me.organisationId,
      detail: JSON.stringify({ tafel: view.id, punten: view.agenda.length, ...(me.emergency ? { noodtoegang: true } : {}) }),
    });
  }
}
