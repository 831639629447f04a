import { z } from 'zod';
import { BesluitKeuze, besluitBlock } from './blocks/besluit.ts';
import { IsoDate, requiredText } from './blocks/common.ts';
import { dateInNetherlands } from './calendar/isoDate.ts';
import { formatDate } from './format.ts';
import { labelledEnum } from './labelledEnum.ts';
import { Role } from './roles.ts';

/**
 * The Jeugdbeschermingstafel (DOMAIN.md): a 60–90 minute meeting chaired by the regisseur. Planned
 * with an agenda drafted from the analysis; led one item at a time; closed with the Raad's decision,
 * the minutes and the sections shared for the family's reaction. The shapes here are the HTTP API's.
 */

export const MeetingId = z.string().regex(/^tafel-[a-z0-9]{4,40}$/, 'Ongeldige tafel.');
export type MeetingId = z.infer<typeof MeetingId>;

export const MEETING_STATUS_LABEL = { gepland: 'Gepland', bezig: 'Nu bezig', afgerond: 'Afgerond' };
export const MeetingStatus = labelledEnum(MEETING_STATUS_LABEL);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const PRESENCE_LABEL = { aanwezig: 'Aanwezig', afwezig: 'Afwezig', telefonisch: 'Telefonisch' };
export const Presence = labelledEnum(PRESENCE_LABEL);
export type Presence = z.infer<typeof Presence>;

/** A Tafel takes 60 to 90 minutes (seed 002). */
export const MEETING_MINUTES = { min: 60, max: 90 } as const;

/** The heading of an item for professionals, per kind. */
export const AGENDA_KIND_LABEL = {
  opening: 'Opening',
  wijzigingen: 'Veranderd sinds de vorige tafel',
  afspraken: 'Open afspraken',
  acties: 'Acties over de datum',
  schaalvraag: 'Schaalvraag: scores naast elkaar',
  review: 'In review',
  besluit: 'Besluit',
  anders: 'Bespreekpunt',
};
/** What an agenda item is about; drafted items say where they came from. */
export const AgendaKind = labelledEnum(AGENDA_KIND_LABEL);
export type AgendaKind = z.infer<typeof AgendaKind>;

/** The same heading in plain words (B1) for the family. */
export const FAMILY_KIND_LABEL: Record<AgendaKind, string> = {
  opening: 'We beginnen',
  wijzigingen: 'Wat is er anders dan de vorige keer?',
  afspraken: 'Afspraken die nog lopen',
  acties: 'Wat al klaar had moeten zijn',
  schaalvraag: 'Hoe veilig is het nu? Ieder geeft een cijfer van 0 tot 10',
  review: 'Wat nog wordt nagekeken',
  besluit: 'Wat besluit de Raad?',
  anders: 'We praten over',
};

/** The heading of an agenda item in the words of its reader: plain words (B1) for the family. */
export const agendaKindLabel = (kind: AgendaKind, family: boolean): string => (family ? FAMILY_KIND_LABEL : AGENDA_KIND_LABEL)[kind];

export const AgendaItemId = z.string().regex(/^item-[a-z0-9-]{1,60}$/, 'Ongeldig agendapunt.');

export const AgendaScore = z.object({
  partij: z.string().max(120),
  score: z.number().min(0).max(10),
  vorigeScore: z.number().min(0).max(10).nullable(),
});
export type AgendaScore = z.infer<typeof AgendaScore>;

/**
 * One item of the agenda. `sectionId`: the section it is about; an item about a section someone may
 * not read is not shown to them at all (not its title, not that it exists). Null: about the Tafel
 * itself (opening, a point the regisseur adds).
 */
export const AgendaItem = z.object({
  id: AgendaItemId,
  kind: AgendaKind,
  title: requiredText('de titel van het agendapunt', 200),
  sectionId: z.string().max(80).nullable(),
  /** Time budget of this item, in minutes. */
  minutes: z.number().int().min(1, 'Geef elk punt minstens 1 minuut.').max(90),
  /** Lines drafted from the analysis (an agreement, a change), editable. */
  points: z.array(z.string().trim().max(300)).max(30).default([]),
  scores: z.array(AgendaScore).max(20).default([]),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Agenda = z
  .array(AgendaItem)
  .max(40, 'Een agenda heeft hoogstens 40 punten.')
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Elk agendapunt staat er één keer op.');

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in (uu:mm).');
const VideoLink = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Een videolink begint met https://.');

/** `POST /api/cases/:caseId/meetings`: plan a Tafel. */
export const MeetingPlan = z
  .object({
    date: IsoDate,
    time: Time,
    durationMinutes: z
      .number()
      .int()
      .min(MEETING_MINUTES.min, `Een tafel duurt minstens ${MEETING_MINUTES.min} minuten.`)
      .max(MEETING_MINUTES.max, `Een tafel duurt hoogstens ${MEETING_MINUTES.max} minuten.`),
    place: z.string().trim().max(200).default(''),
    videoLink: VideoLink.default(''),
    /** Participants of the case, by user id. */
    participants: z.array(z.string().max(80)).max(40).default([]),
    /** Professionals from the directory who are not (yet) in the case, by e-mail address. */
    professionals: z.array(z.email('Vul een geldig e-mailadres in.').max(200)).max(10).default([]),
  })
  .refine((p) => p.place !== '' || p.videoLink !== '', { message: 'Vul een plaats of een videolink in.', path: ['place'] })
  .refine((p) => p.participants.length + p.professionals.length > 0, { message: 'Nodig minstens één persoon uit.', path: ['participants'] });
export type MeetingPlan = z.infer<typeof MeetingPlan>;

export const AgendaUpdate = z.object({ items: Agenda });
export const MoveToItem = z.object({ itemId: AgendaItemId.nullable() });
export const AttendanceUpdate = z.object({ userId: z.string().max(80), presence: Presence });
/** Everyone not recorded yet gets this presence: most of the table is there, the chair marks the few who are not. */
export const AttendanceOfRest = z.object({ presence: Presence });
export const NoteUpdate = z.object({ itemId: AgendaItemId, text: z.string().max(5000, 'De aantekening is te lang (maximaal 5000 tekens).') });
/** The Raad's decision; who was present comes from the recorded attendance, never from here. */
export const DecisionInput = z.object({ keuze: BesluitKeuze, onderbouwing: requiredText('de onderbouwing', 4000) });
/** Closing the Tafel: the sections the chair shares with the family for their reaction. */
export const CloseMeeting = z.object({ share: z.array(z.string().max(80)).max(40).default([]) });

export const Invitee = z.object({
  userId: z.string(),
  name: z.string(),
  role: Role,
  presence: Presence.nullable(),
  /** Whether the invitation mail reached the SMTP server. */
  mailed: z.boolean(),
});
export type Invitee = z.infer<typeof Invitee>;

/** An item as one viewer sees it, with the chair's notes and the time spent on it. */
export const AgendaItemView = AgendaItem.extend({ note: z.string(), spentSeconds: z.number().int().nonnegative() });
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const MeetingDecision = z.object({
  blockId: z.string(),
  keuze: BesluitKeuze,
  onderbouwing: z.string(),
  /** Filled by the server from the attendance at the moment of the decision. */
  aanwezig: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** Whether the besluit in the section still names exactly who the attendance says was there. */
  matchesAttendance: z.boolean(),
});
export type MeetingDecision = z.infer<typeof MeetingDecision>;

export const SharedSection = z.object({ sectionId: z.string(), title: z.string(), reactionUntil: IsoDate.nullable() });

/** The minutes (verslag), made when the Tafel closes, shown per viewer like the agenda. */
export const Minutes = z.object({
  madeAt: z.string(),
  attendance: z.array(z.object({ name: z.string(), role: Role, presence: Presence.nullable() })),
  items: z.array(z.object({ id: z.string(), kind: AgendaKind, title: z.string(), sectionId: z.string().nullable(), note: z.string() })),
  shared: z.array(SharedSection),
});
export type Minutes = z.infer<typeof Minutes>;

export const MeetingSummary = z.object({ id: MeetingId, date: IsoDate, time: z.string(), status: MeetingStatus });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

/** `GET /api/cases/:caseId/meetings/:meetingId`, as the caller may see it. */
export const MeetingView = MeetingSummary.extend({
  durationMinutes: z.number().int(),
  place: z.string(),
  videoLink: z.string(),
  chair: z.object({ userId: z.string(), name: z.string() }),
  invitees: z.array(Invitee),
  agenda: z.array(AgendaItemView),
  /** The item the chair is on; null before the start, after the end, or when the caller may not see it. */
  current: z.object({ itemId: z.string(), since: z.string() }).nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  decision: MeetingDecision.nullable(),
  minutes: Minutes.nullable(),
  /** Why the Tafel cannot begin yet (its day has not come), or null: the chair's button says this. */
  startBlocked: z.string().nullable(),
  /** What the caller may do here (the server checks again). */
  mayChair: z.boolean(),
  mayDecide: z.boolean(),
});
export type MeetingView = z.infer<typeof MeetingView>;

/**
 * A Tafel begins on its planned day or later (a Tafel that could not go ahead on its day may still
 * be held), never before: the family and the Raad were invited for that day, and the decision is
 * dated on the day the Tafel was held. `today` is the date in the Netherlands.
 */
export function startRefusal(date: string, today: string): string | null {
  return today < date ? `Deze tafel is gepland op ${formatDate(date)}. Je kunt hem pas op die dag beginnen.` : null;
}

/** The day a Tafel was held: the day it began, in the Netherlands (null before it began). */
export function heldOn(m: { startedAt: string | null }): string | null {
  return m.startedAt ? dateInNetherlands(new Date(m.startedAt)) : null;
}

/** Minutes planned on the agenda against the Tafel's length: over budget shows. */
export function agendaBudget(items: readonly { minutes: number }[], durationMinutes: number): { planned: number; over: boolean } {
  const planned = items.reduce((sum, i) => sum + i.minutes, 0);
  return { planned, over: planned > durationMinutes };
}

/** Seconds spent on an item, counting the running item up to `now`. */
export function spentOn(item: { id: string; spentSeconds: number }, current: { itemId: string; since: string } | null, now: number): number {
  if (!current || current.itemId !== item.id) return item.spentSeconds;
  return item.spentSeconds + Math.max(0, Math.floor((now - Date.parse(current.since)) / 1000));
}

/**
 * How long the Tafel or one of its agenda items runs or ran, in whole minutes beside the word:
 * "12 min bezig (gepland 90 min)" while it runs, "Duurde 47 minuten" once over. Never
 * minutes:seconds, which reads as hours beside "minuten".
 */
export function timeTaken(seconds: number, plannedMinutes: number, running: boolean): string {
  const minutes = Math.max(0, seconds / 60);
  if (running) return `${Math.floor(minutes)} min bezig (gepland ${plannedMinutes} min)`;
  const n = Math.round(minutes);
  return `Duurde ${n} ${n === 1 ? 'minuut' : 'minuten'}`;
}

/** How long the Tafel runs or ran (from its start and end, see `timeTaken`); null before it began. */
export function meetingTime(m: { startedAt: string | null; endedAt: string | null; durationMinutes: number }, now: number): string | null {
  if (!m.startedAt) return null;
  const end = m.endedAt ? Date.parse(m.endedAt) : now;
  return timeTaken((end - Date.parse(m.startedAt)) / 1000, m.durationMinutes, !m.endedAt);
}

/** The names the besluit's "aanwezig" holds: who was there, and who joined by phone, said so. */
export function presentNames(attendance: readonly { name: string; presence: Presence | null }[]): string[] {
  return attendance.flatMap((a) => (a.presence === 'aanwezig' ? [a.name] : a.presence === 'telefonisch' ? [`${a.name} (telefonisch)`] : []));
}

const keuzeField = besluitBlock.fields.find((f) => f.key === 'keuze');
const KEUZE_OPTIONS: Readonly<Record<string, string>> = keuzeField?.kind === 'select' ? keuzeField.options : {};

/** "Verder met drang": the decision's words, as the besluit block itself says them. */
export function keuzeLabel(keuze: string): string {
  return KEUZE_OPTIONS[keuze] ?? keuze;
}
