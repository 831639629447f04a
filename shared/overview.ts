import { z } from 'zod';
import type { Confirmation } from './api.ts';
import { Actie } from './blocks/actie.ts';
import { Afspraak } from './blocks/afspraak.ts';
import { Attestation } from './blocks/authorship.ts';
import { IsoDate } from './blocks/common.ts';
import { type BlockData, validBlock } from './blocks/index.ts';
import { Veiligheidsvoorwaarde } from './blocks/veiligheidsvoorwaarde.ts';
import { Deadline } from './deadlines.ts';

/**
 * The case overview (DOMAIN.md): every afspraak, actie and veiligheidsvoorwaarde across the
 * sections the viewer may read, with owners and overdue items, and the latest scaling scores.
 * Pure aggregation: the caller decides which sections go in, so access is never decided here.
 */

/** Where an item is, and who put it there as the server attests it (null: stored before that was kept). */
export const OverviewSource = z.object({ sectionId: z.string(), sectionTitle: z.string(), id: z.string(), author: Attestation.nullable() });
type Where = z.infer<typeof OverviewSource>;

/** One party of an afspraak and whether (and when) they confirmed it themselves. */
export const PartyConfirmation = z.object({
  naam: z.string(),
  personId: z.string().nullable(),
  userId: z.string().nullable(),
  /** When this party confirmed; null while not confirmed (or when the party has no account). */
  bevestigdOp: z.string().nullable(),
});
export type PartyConfirmation = z.infer<typeof PartyConfirmation>;

/** An item carries the block's own fields, with their schemas, and what the overview adds. */
export const OverviewAfspraak = OverviewSource.extend({
  // Its own object: the agreement's check between its dates is not the overview's.
  ...z.object(Afspraak.shape).pick({ wat: true, wie: true, vanaf: true, deadline: true, status: true }).shape,
  overdue: z.boolean(),
  partijen: z.array(PartyConfirmation),
});
export type OverviewAfspraak = z.infer<typeof OverviewAfspraak>;

export const OverviewActie = OverviewSource.extend({
  ...Actie.pick({ taak: true, eigenaar: true, deadline: true, status: true, levensgebied: true }).shape,
  overdue: z.boolean(),
});
export type OverviewActie = z.infer<typeof OverviewActie>;

export const OverviewVoorwaarde = OverviewSource.extend(Veiligheidsvoorwaarde.pick({ voorwaarde: true, waarom: true }).shape);
export type OverviewVoorwaarde = z.infer<typeof OverviewVoorwaarde>;

export const Trend = z.enum(['hoger', 'lager', 'gelijk']);
export type Trend = z.infer<typeof Trend>;

export const OverviewScore = z.object({
  partij: z.string(),
  score: z.number(),
  reden: z.string(),
  /** This party's score in the most recent earlier round they scored in; null the first time. */
  vorigeScore: z.number().nullable(),
  trend: Trend.nullable(),
});
export type OverviewScore = z.infer<typeof OverviewScore>;

export const OverviewSchaalvraag = OverviewSource.extend({
  vraag: z.string(),
  /** Date of the latest round. */
  datum: IsoDate,
  /** Date of the round before it, when there is one. */
  vorigeDatum: IsoDate.nullable(),
  scores: z.array(OverviewScore),
});
export type OverviewSchaalvraag = z.infer<typeof OverviewSchaalvraag>;

export const OverviewItems = z.object({
  afspraken: z.array(OverviewAfspraak),
  acties: z.array(OverviewActie),
  voorwaarden: z.array(OverviewVoorwaarde),
  schaalvragen: z.array(OverviewSchaalvraag),
});
export type OverviewItems = z.infer<typeof OverviewItems>;

/** Response of `GET /api/cases/:caseId/overview`. */
export const CaseOverview = OverviewItems.extend({
  /** The date "overdue" and the deadline statuses were judged on (Dutch calendar day). */
  today: IsoDate,
  deadlines: z.array(Deadline),
  /** Block ids of the agreements waiting for the reader's confirmation (`awaitsMyConfirmation`). */
  waitingForMe: z.array(z.string()).default([]),
});
export type CaseOverview = z.infer<typeof CaseOverview>;

/** Who reads: an agreement names its parties by account, or by person before they had one. */
export interface PartyReader {
  userId: string;
  personId: string | null;
}

/** My place among an agreement's parties, if I am one. */
export function myParty<P extends { userId: string | null; personId: string | null }>(partijen: readonly P[], reader: PartyReader): P | undefined {
  return partijen.find((p) => p.userId === reader.userId || (reader.personId !== null && p.personId === reader.personId));
}

/** An agreement already kept ("Nagekomen"): nobody is asked to confirm it any more. */
export const isKept = (a: { status: string | undefined }): boolean => a.status === 'nagekomen';

/**
 * The one rule for "an agreement waiting for my confirmation", for Thuis, "Ons plan" and "Mijn
 * zaken" alike: I am a party, I have not confirmed it, and it is not already kept.
 */
export function awaitsMyConfirmation(a: { partijen: readonly PartyConfirmation[]; status: string | undefined }, reader: PartyReader): boolean {
  const me = myParty(a.partijen, reader);
  return me !== undefined && me.bevestigdOp === null && !isKept(a);
}

/** One readable section with its blocks as found in the document (not yet validated). */
export interface OverviewSection {
  sectionId: string;
  sectionTitle: string;
  blocks: readonly { type: string; data: unknown }[];
  /** The attested author of each block, by block id. */
  authors?: Readonly<Record<string, Attestation>>;
}

/** Earlier dates first; no deadline goes last. Array.sort is stable, so document order breaks ties. */
function byDeadline(a: { deadline: string | null }, b: { deadline: string | null }): number {
  if (a.deadline === b.deadline) return 0;
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
}

export function isOverdue(deadline: string | null, done: boolean, today: string): boolean {
  return deadline !== null && deadline < today && !done;
}

function afspraakItem(where: Where, a: BlockData['afspraak'], confirmations: readonly Confirmation[], today: string): OverviewAfspraak {
  const confirmedAt = (userId: string | null) =>
    userId === null ? null : (confirmations.find((c) => c.sectionId === where.sectionId && c.blockId === a.id && c.userId === userId)?.at ?? null);
  return {
    ...where,
    wat: a.wat,
    wie: a.wie,
    vanaf: a.vanaf,
    deadline: a.deadline,
    status: a.status,
    overdue: isOverdue(a.deadline, isKept(a), today),
    partijen: a.partijen.map((p) => ({ naam: p.naam, personId: p.personId, userId: p.userId, bevestigdOp: confirmedAt(p.userId) })),
  };
}

function schaalvraagItem(where: Where, s: BlockData['schaalvraag']): OverviewSchaalvraag {
  // Rounds may be stored in any order; the trend needs them by date.
  const rounds = [...s.rondes].sort((x, y) => (x.datum < y.datum ? -1 : x.datum > y.datum ? 1 : 0));
  const latest = rounds.at(-1)!;
  const earlier = rounds.slice(0, -1).reverse();
  const scores = latest.scores.map((score): OverviewScore => {
    const vorige = earlier.flatMap((r) => r.scores.filter((x) => x.partij === score.partij))[0]?.score ?? null;
    const trend = vorige === null ? null : score.score > vorige ? 'hoger' : score.score < vorige ? 'lager' : 'gelijk';
    return { partij: score.partij, score: score.score, reden: score.reden, vorigeScore: vorige, trend };
  });
  return { ...where, vraag: s.vraag, datum: latest.datum, vorigeDatum: earlier[0]?.datum ?? null, scores };
}

/**
 * Collects the overview items from the given sections. Blocks that do not pass their schema are
 * skipped: a half-typed block in the editor must not break the overview for everyone.
 */
export function buildOverview(sections: readonly OverviewSection[], confirmations: readonly Confirmation[], today: string): OverviewItems {
  const out: OverviewItems = { afspraken: [], acties: [], voorwaarden: [], schaalvragen: [] };
  for (const section of sections) {
    for (const raw of section.blocks) {
      const block = validBlock(raw.type, raw.data);
      if (!block) continue;
      const where: Where = { sectionId: section.sectionId, sectionTitle: section.sectionTitle, id: block.data.id, author: section.authors?.[block.data.id] ?? null };
      switch (block.type) {
        case 'afspraak':
          out.afspraken.push(afspraakItem(where, block.data, confirmations, today));
          break;
        case 'actie': {
          const { taak, eigenaar, deadline, status, levensgebied } = block.data;
          out.acties.push({ ...where, taak, eigenaar, deadline, status, levensgebied, overdue: isOverdue(deadline, status === 'klaar', today) });
          break;
        }
        case 'veiligheidsvoorwaarde':
          out.voorwaarden.push({ ...where, voorwaarde: block.data.voorwaarde, waarom: block.data.waarom });
          break;
        case 'schaalvraag':
          out.schaalvragen.push(schaalvraagItem(where, block.data));
          break;
        // zorg, kracht, signaal and besluit are read in their sections, not listed here.
      }
    }
  }
  out.afspraken.sort(byDeadline);
  out.acties.sort(byDeadline);
  return out;
}
