import { may } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { type AgendaItem, type MeetingPlan, type Presence, startRefusal } from '../../shared/meetings.ts';
import { DomainError } from '../domainError.ts';
import { readableSections } from '../access/sectionAccess.ts';
import { notify } from '../notices/notices.ts';
import type { Services } from '../services.ts';
import { draftAgenda } from './agendaDraft.ts';
import { meetingInvitationMail } from './meetingInvitation.ts';
import type { MeetingRow, MeetingStore } from './meetingStore.ts';

/**
 * The commands of a Tafel: each checks the rule with `may`, writes, and tells open pages (in every
 * process) through a `meeting` live event that carries no content: pages re-read what they may see.
 * An event about an item of one section reaches only those who may read that section.
 */
export interface MeetingDeps {
  s: Services;
  store: MeetingStore;
}

/** Who recorded a presence the server recorded by a rule, not a person. */
const PRESENCE_BY_SERVER = 'server';

function allowed(me: Participant, action: 'plan-meeting' | 'chair-meeting'): void {
  const verdict = may(me, action, null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
}

export function announce(s: Services, caseId: string, sectionId?: string | null): void {
  s.events.publish({ type: 'case-changed', caseId, what: 'meeting', ...(sectionId ? { sectionId } : {}) });
}

/** The Tafel of the case, or not found (the same for one of another case). */
export async function meetingOf(store: MeetingStore, caseId: string, meetingId: string): Promise<MeetingRow> {
  const m = await store.meeting(caseId, meetingId);
  if (!m) throw new DomainError('not_found', 'Niet gevonden.');
  return m;
}

function mustBe(m: MeetingRow, ...statuses: MeetingRow['status'][]): void {
  if (!statuses.includes(m.status)) {
    throw new DomainError('conflict', m.status === 'afgerond' ? 'Deze tafel is al afgerond.' : m.status === 'gepland' ? 'Deze tafel is nog niet begonnen.' : 'Deze tafel is al begonnen.');
  }
}

/**
 * Plans a Tafel: who is invited (participants of the case, and professionals from the directory,
 * who join the case at once), the agenda drafted from the analysis since the last Tafel,
 * and an invitation mail with a calendar file to each invitee, plus a notice in the app.
 */
export async function planMeeting({ s, store }: MeetingDeps, me: Participant, caseId: string, plan: MeetingPlan): Promise<string> {
  allowed(me, 'plan-meeting');
  const inCase = new Map<string, Participant>((await s.cases.participants(caseId)).filter((p) => !p.emergency).map((p) => [p.userId, p]));
  const invitees = new Map<string, { userId: string; name: string; role: Participant['role']; email: string }>();
  for (const userId of plan.participants) {
    const p = inCase.get(userId);
    const account = p ? await s.accounts.byId(userId) : undefined;
    if (!p || !account) throw new DomainError('invalid', 'Deze persoon doet niet mee in de zaak.', 'participants');
    invitees.set(userId, { userId, name: p.name, role: p.role, email: account.email });
  }
  const newcomers: string[] = [];
  for (const email of plan.professionals) {
    const pro = await s.directory.professionalByEmail(email);
    if (!pro) throw new DomainError('unknown', 'Dit e-mailadres staat niet in de directory van professionals.', 'professionals');
    const p = inCase.get(pro.userId);
    invitees.set(pro.userId, { userId: pro.userId, name: pro.name, role: p?.role ?? pro.role, email: pro.email });
    if (!p) newcomers.push(pro.email);
  }
  // The chair is there by definition.
  if (!invitees.has(me.userId)) {
    const account = await s.accounts.byId(me.userId);
    invitees.set(me.userId, { userId: me.userId, name: me.name, role: me.role, email: account?.email ?? '' });
  }
  // A professional from the directory who is not in the case yet joins it now, as the participants page adds one.
  for (const email of newcomers) {
    const added = await s.invitations.addProfessional(caseId, { email });
    await s.audit.record({ event: 'uitnodiging', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ account: added.userId, rol: added.role, direct: true }) });
  }
  if (newcomers.length > 0) s.events.publish({ type: 'access-changed', caseId });
  const last = (await store.meetingsOf(caseId)).find((m) => m.status === 'afgerond');
  const agenda = await draftAgenda(s, me, caseId, last?.endedAt ?? null, plan.durationMinutes);
  const id = newId('tafel');
  await store.create(
    { id, caseId, date: plan.date, time: plan.time, durationMinutes: plan.durationMinutes, place: plan.place, videoLink: plan.videoLink, chairId: me.userId, createdAt: new Date().toISOString() },
    agenda,
    [...invitees.values()],
  );
  const link = `${s.publicOrigin()}/zaken/${encodeURIComponent(caseId)}/tafel/${id}`;
  for (const i of invitees.values()) {
    if (i.userId !== me.userId && i.email) {
      const mail = meetingInvitationMail({ to: i.email, inviteeName: i.name, chairName: me.name, meetingId: id, ...plan, link });
      if ((await s.mailer.send(mail)) === 'sent') await store.markMailed(id, i.userId);
      // The mail above is the invitation; the notice shows it in the app (no second mail).
      await notify(s, { kind: 'tafel-uitgenodigd', userId: i.userId, caseId, link: `/zaken/${caseId}/tafel/${id}`, until: plan.date, key: `tafel-${id}`, mail: false });
    }
    await s.audit.record({ event: 'uitnodiging', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ tafel: id, genodigde: i.userId }) });
  }
  announce(s, caseId);
  return id;
}

/**
 * The regisseur edits and orders the agenda. An item about a section must be about one she may
 * read: nobody can put a section on the agenda they cannot see.
 */
export async function editAgenda({ s, store }: MeetingDeps, me: Participant, m: MeetingRow, items: readonly AgendaItem[]): Promise<void> {
  allowed(me, 'plan-meeting');
  mustBe(m, 'gepland', 'bezig');
  const readable = new Set<string>((await readableSections(s, me, m.caseId)).map((r) => r.section.id));
  const unknown = items.find((i) => i.sectionId !== null && !readable.has(i.sectionId));
  if (unknown) throw new DomainError('invalid', 'Dit onderdeel bestaat niet in de zaak.', 'items');
  if (m.current && !items.some((i) => i.id === m.current!.itemId)) throw new DomainError('conflict', 'Het punt dat nu aan de orde is, kan niet van de agenda.');
  await store.replaceAgenda(m.id, items);
  announce(s, m.caseId);
}

/** A fresh draft from the analysis as it is now, not stored: the regisseur may take it over. */
export async function redraft({ s, store }: MeetingDeps, me: Participant, m: MeetingRow): Promise<AgendaItem[]> {
  allowed(me, 'plan-meeting');
  const last = (await store.meetingsOf(m.caseId)).find((x) => x.status === 'afgerond' && x.id !== m.id);
  return draftAgenda(s, me, m.caseId, last?.endedAt ?? null, m.durationMinutes);
}

export async function startMeeting({ s, store }: MeetingDeps, me: Participant, m: MeetingRow): Promise<void> {
  allowed(me, 'chair-meeting');
  mustBe(m, 'gepland');
  const now = s.now();
  const refusal = startRefusal(m.date, dateInNetherlands(now));
  if (refusal) throw new DomainError('conflict', refusal);
  if (!(await store.setStatus(m.id, 'gepland', 'bezig', now.toISOString()))) throw new DomainError('conflict', 'Deze tafel is net begonnen.');
  // Whoever starts the Tafel leads it, so she is there; the server attests it, at the start.
  await store.setPresence(m.id, m.chairId, 'aanwezig', PRESENCE_BY_SERVER, now.toISOString(), true);
  const first = (await store.items(m.id))[0];
  if (first) await store.moveTo(m.id, null, first.id, now.toISOString());
  announce(s, m.caseId, first?.sectionId);
}

/**
 * The chair moves to another item. The event goes to who may read the new item's section, and to
 * who saw the item before it: their "nu aan de orde" is stale (it becomes nothing they may not see).
 */
export async function moveTo({ s, store }: MeetingDeps, me: Participant, m: MeetingRow, itemId: string | null): Promise<void> {
  allowed(me, 'chair-meeting');
  mustBe(m, 'bezig');
  const items = await store.items(m.id);
  const item = itemId === null ? null : items.find((i) => i.id === itemId);
  if (item === undefined) throw new DomainError('invalid', 'Dit punt staat niet op de agenda.', 'itemId');
  if (!(await store.moveTo(m.id, m.current, itemId, s.now().toISOString()))) throw new DomainError('conflict', 'Er is net een ander punt gekozen. Kijk opnieuw.');
  const before = m.current ? items.find((i) => i.id === m.current!.itemId) : undefined;
  announce(s, m.caseId, item?.sectionId);
  if (before && before.sectionId !== item?.sectionId) announce(s, m.caseId, before.sectionId);
}

/** The chair records who is there: in the room, by phone, or not. Only for invitees. */
export async function recordPresence({ s, store }: MeetingDeps, me: Participant, m: MeetingRow, userId: string, presence: Presence): Promise<void> {
  allowed(me, 'chair-meeting');
  mustBe(m, 'gepland', 'bezig');
  if (m.decision) throw new DomainError('conflict', 'Het besluit is vastgelegd met deze aanwezigheid; die verandert niet meer.');
  if (!(await store.setPresence(m.id, userId, presence, me.userId, s.now().toISOString()))) throw new DomainError('invalid', 'Deze persoon is niet uitgenodigd.', 'userId');
  announce(s, m.caseId);
}

/** The chair records one presence for every invitee not recorded yet; what was recorded stays. */
export async function recordPresenceOfRest({ s, store }: MeetingDeps, me: Participant, m: MeetingRow, presence: Presence): Promise<void> {
  allowed(me, 'chair-meeting');
  mustBe(m, 'gepland', 'bezig');
  if (m.decision) throw new DomainError('conflict', 'Het besluit is vastgelegd met deze aanwezigheid; die verandert niet meer.');
  const at = s.now().toISOString();
  for (const i of await store.invitees(m.id)) if (i.presence === null) await store.setPresence(m.id, i.userId, presence, me.userId, at, true);
  announce(s, m.caseId);
}

export async function writeNote({ s, store }: MeetingDeps, me: Participant, m: MeetingRow, itemId: string, text: string): Promise<void> {
  allowed(me, 'chair-meeting');
  mustBe(m, 'bezig');
  const item = (await store.items(m.id)).find((i) => i.id === itemId);
  if (!item || !(await store.setNote(m.id, itemId, text))) throw new DomainError('invalid', 'Dit punt staat niet op de agenda.', 'itemId');
  announce(s, m.caseId, item.sectionId);
}
