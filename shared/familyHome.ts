import { z } from 'zod';
import { Attestation } from './blocks/authorship.ts';
import { BesluitKeuze } from './blocks/besluit.ts';
import { IsoDate } from './blocks/common.ts';
import { SectionStatus } from './caseModel.ts';
import { formatDateTime, formatShortDate } from './format.ts';
import { awaitsMyConfirmation, isKept, myParty, type OverviewItems } from './overview.ts';
import { isFamilyRole, Role } from './roles.ts';
import { FamilyStatus } from './statusLabels.ts';

/**
 * The family's home page (`GET /api/cases/:caseId/home`): what was decided, what I must do, what
 * is new since I last looked, who helps us. Everything in it comes from sections the reader may
 * read; the builders here are pure, so access is decided by the caller, never here.
 */

/** What a decision of the Tafel means for the family, in plain words (B1). */
export const DECISION_MEANING: Record<BesluitKeuze, string> = {
  vrijwillig: 'Jullie krijgen hulp, en jullie doen zelf mee. Niemand dwingt jullie. Jullie houden je aan de afspraken uit het plan.',
  drang: 'Jullie krijgen hulp die niet helemaal vrijwillig is. Lukt het niet, dan kan de Raad voor de Kinderbescherming een onderzoek doen.',
  raad_onderzoek: 'De Raad voor de Kinderbescherming gaat onderzoeken of jullie kinderen extra bescherming nodig hebben. Daarna kan een rechter beslissen.',
  anders: 'Lees hieronder wat er is besloten en waarom.',
};

export const FamilyDecision = z.object({
  sectionId: z.string(),
  blockId: z.string(),
  keuze: BesluitKeuze,
  onderbouwing: z.string(),
  datum: IsoDate,
  aanwezig: z.array(z.string()),
  /** Recorded by the Raad: a decision of the Tafel, whatever the section's status (shared/decisionStanding.ts). */
  decided: z.boolean(),
  /** The date of the later decision that replaced this one (null: it applies now, or it is a proposal). */
  replacedOn: IsoDate.nullable(),
  /** The review status of the section the decision is written in, and the family's word for it: about the write-up, not the decision. */
  status: SectionStatus,
  familyStatus: FamilyStatus,
  /** Who recorded it, as the server attests it (null: stored before authorship was kept). */
  author: Attestation.nullable(),
  /** The organisation of the author, by name. */
  authorOrganisation: z.string().nullable(),
  /** Last day of the reaction period while the decision is shared for the family's reaction. */
  reactionUntil: IsoDate.nullable(),
  /** Where the reader can react: a section they may write in or comment on (null: nowhere). */
  reactIn: z.string().nullable(),
});
export type FamilyDecision = z.infer<typeof FamilyDecision>;

/** Something I must do: an action I own or an agreement I am a party of. */
export const MyTask = z.object({
  kind: z.enum(['actie', 'afspraak']),
  sectionId: z.string(),
  sectionTitle: z.string(),
  id: z.string(),
  wat: z.string(),
  /** Who does an action, as typed ("Eva Jansen met Sanne en Murat"): a task shared with a professional reads as such. */
  wie: z.string().default(''),
  deadline: IsoDate.nullable(),
  overdue: z.boolean(),
  /** An agreement I have not confirmed yet. */
  toConfirm: z.boolean(),
  /** When I confirmed this agreement (null: not yet, or an action). */
  confirmedAt: z.string().nullable().default(null),
});
export type MyTask = z.infer<typeof MyTask>;

/**
 * When a task must be done, in plain words: late ones say so first. "Klaar op" alone reads as
 * "was finished", so a date still to come says "uiterlijk".
 */
export function taskWhen(t: Pick<MyTask, 'deadline' | 'overdue'>, now: Date = new Date()): string {
  if (t.deadline === null) return 'Geen einddatum';
  return t.overdue ? `Te laat: dit moest klaar zijn op ${formatShortDate(t.deadline, now)}` : `Uiterlijk klaar op ${formatShortDate(t.deadline, now)}`;
}

/** What replaces "Ik ga akkoord" once I agreed: that I did, and when. */
export const confirmedLine = (at: string, now: Date = new Date()): string => `Je bent akkoord gegaan op ${formatDateTime(at, now)}.`;

/** A section someone else changed since my last visit. */
export const NewSinceVisit = z.object({ sectionId: z.string(), sectionTitle: z.string(), at: z.string(), by: z.string().nullable() });
export type NewSinceVisit = z.infer<typeof NewSinceVisit>;

export const Werkdag = z.enum(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag']);
export type Werkdag = z.infer<typeof Werkdag>;

/** The fixed contact person of one organisation in this case (seed 003: a letter with contact details and working days). */
export const HelpContact = z.object({
  organisation: z.string(),
  name: z.string(),
  role: Role,
  phone: z.string().nullable(),
  workingDays: z.array(Werkdag),
});
export type HelpContact = z.infer<typeof HelpContact>;

export const FamilyHome = z.object({
  today: IsoDate,
  /** When I looked at this page before (null: the first time). */
  lastVisit: z.string().nullable(),
  decisions: z.array(FamilyDecision),
  tasks: z.array(MyTask),
  news: z.array(NewSinceVisit),
  contacts: z.array(HelpContact),
});
export type FamilyHome = z.infer<typeof FamilyHome>;

/** `?since=`: the page keeps the visit it started from while it re-reads live. */
export const FamilyHomeQuery = z.object({ since: z.string().datetime().optional() });

/** Who "I" am when reading names in a plan: actions name their owner in words ("Sanne", "Sanne en Murat"). */
export interface Reader {
  userId: string;
  personId: string | null;
  name: string;
}

const words = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether an action's owner, as typed ("Sanne", "Eva Jansen met Sanne en Murat"), names the reader by first name. */
export function namesReader(owner: string, reader: Reader): boolean {
  const first = words(reader.name)[0];
  return first !== undefined && words(owner).includes(first);
}

/** Overdue first, then the nearest date; no date last. */
function byUrgency(a: MyTask, b: MyTask): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline === b.deadline) return 0;
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
}

/** My open actions and agreements from the overview items (of readable sections), overdue first. */
export function myTasks(items: Pick<OverviewItems, 'acties' | 'afspraken'>, reader: Reader): MyTask[] {
  const tasks: MyTask[] = [];
  for (const a of items.acties) {
    if (a.status === 'klaar' || !namesReader(a.eigenaar, reader)) continue;
    tasks.push({ kind: 'actie', sectionId: a.sectionId, sectionTitle: a.sectionTitle, id: a.id, wat: a.taak, wie: a.eigenaar, deadline: a.deadline, overdue: a.overdue, toConfirm: false, confirmedAt: null });
  }
  for (const a of items.afspraken) {
    const me = myParty(a.partijen, reader);
    if (!me || isKept(a)) continue;
    tasks.push({ kind: 'afspraak', sectionId: a.sectionId, sectionTitle: a.sectionTitle, id: a.id, wat: a.wat, wie: '', deadline: a.deadline, overdue: a.overdue, toConfirm: awaitsMyConfirmation(a, reader), confirmedAt: me.bevestigdOp });
  }
  return tasks.sort(byUrgency);
}

/** A case's "Thuis": where a family member reads it. */
export const thuisPath = (caseId: string): string => `/zaken/${encodeURIComponent(caseId)}/thuis`;

/**
 * Where a person's Tafel starts: a parent, young person or network member in one case on that
 * case's "Thuis"; professionals, and anyone in several cases, on the list of cases (for a family
 * member, the family's own list: `familyList`).
 */
export function homePath(cases: readonly { id: string; myRole: Role }[]): string {
  const [only] = cases;
  return cases.length === 1 && only && isFamilyRole(only.myRole) ? thuisPath(only.id) : '/';
}

/**
 * Whether a person's list of cases is the family's own list (each case by name, leading to its
 * "Thuis") rather than a professional's caseload (what is late, the next date, sorting and
 * filters): for someone in several cases, in every one as a parent, young person or network member.
 */
export function familyList(cases: readonly { myRole: Role }[]): boolean {
  return cases.length > 1 && cases.every((c) => isFamilyRole(c.myRole));
}

/** Sections changed by someone else after `since`, newest first. */
export function newSince(
  sections: readonly { sectionId: string; sectionTitle: string; updatedAt: string | null; updatedBy: string | null }[],
  since: string | null,
  readerId: string,
  nameOf: (userId: string) => string,
): NewSinceVisit[] {
  if (since === null) return [];
  return sections
    .filter((s) => s.updatedAt !== null && s.updatedAt > since && s.updatedBy !== readerId)
    .map((s) => ({ sectionId: s.sectionId, sectionTitle: s.sectionTitle, at: s.updatedAt!, by: s.updatedBy ? nameOf(s.updatedBy) : null }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
