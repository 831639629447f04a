import { z } from 'zod';
import { addMonths, dateInNetherlands } from './calendar/isoDate.ts';

/**
 * Keeping and destroying a case (Jeugdwet art. 7.3.8–7.3.9): an organisation's retention term,
 * a legal hold that stops destruction, and the family's request to destroy the case.
 *
 * Which term governs a case: the longest term of the organisations whose professionals took part
 * in it (also those who left it). Every organisation in the case keeps its part of the file at
 * least as long as its own rules say, so the shared file is kept for the longest of them; an
 * organisation without a term of its own has the deployment's default.
 */

/** Years after closing: at least 15 (the shortest term the sources cite), at most 100. */
export const RetentionYears = z.coerce
  .number({ message: 'Geef het aantal jaren als getal.' })
  .int('Geef een heel aantal jaren.')
  .min(15, 'De bewaartermijn is minstens 15 jaar.')
  .max(100, 'De bewaartermijn is hoogstens 100 jaar.');

/** `PUT /api/directory/:organisationId/retention`: the organisation's own term, or null for the default. */
export const RetentionTermChange = z.object({ years: RetentionYears.nullable() }, { error: 'Geef het aantal jaren, of leeg voor de standaardtermijn.' });
export type RetentionTermChange = z.infer<typeof RetentionTermChange>;

/** A reason someone else can check later: at least one sentence. `what`: what to write, after "Schrijf op". */
const Reason = (what: string) =>
  z
    .string({ error: `Schrijf op ${what}.` })
    .trim()
    .min(20, `Schrijf op ${what}, in minstens één zin (20 tekens).`)
    .max(2000, 'Dit is te lang (maximaal 2000 tekens).');

/** Setting a legal hold (`PUT …/hold`) and lifting it (`DELETE …/hold`): each with a written reason. */
export const HoldChange = z.object({ reason: Reason('waarom') }, { error: 'Schrijf op waarom.' });
export type HoldChange = z.infer<typeof HoldChange>;

export const LegalHold = z.object({ reason: z.string(), by: z.string(), at: z.string() });
export type LegalHold = z.infer<typeof LegalHold>;

/** The term that governs a case, the organisation it comes from (null: the default), and a hold. */
export const CaseRetention = z.object({
  years: z.number().int(),
  organisation: z.string().nullable(),
  hold: LegalHold.nullable(),
});
export type CaseRetention = z.infer<typeof CaseRetention>;

/** The family's request to destroy the case (`POST …/destruction-requests`); why is optional. */
export const NewDestructionRequest = z.object({
  explanation: z.string().trim().max(2000, 'Dit is te lang (maximaal 2000 tekens).').optional(),
});
export type NewDestructionRequest = z.infer<typeof NewDestructionRequest>;

/** The regisseur's answer: carry it out, or refuse it with a written reason the family reads. */
export const DestructionAnswer = z.discriminatedUnion(
  'decision',
  [z.object({ decision: z.literal('uitvoeren') }), z.object({ decision: z.literal('weigeren'), reason: Reason('waarom je het verzoek weigert') })],
  { error: 'Kies: uitvoeren of weigeren (met een reden).' },
);
export type DestructionAnswer = z.infer<typeof DestructionAnswer>;

export const DestructionRequestStatus = z.enum(['open', 'geweigerd']);

/** A request as a reader sees it: the family their own, the professionals every one. */
export const DestructionRequestView = z.object({
  id: z.string(),
  filedBy: z.string(),
  filedAt: z.string(),
  /** The Dutch day by which the answer is due (3 months after filing). */
  dueOn: z.string(),
  explanation: z.string().nullable(),
  status: DestructionRequestStatus,
  answer: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type DestructionRequestView = z.infer<typeof DestructionRequestView>;

export const DestructionRequests = z.object({
  requests: z.array(DestructionRequestView),
  /**
   * Whether the reader may file one now (`may`, decided by the server, which knows the birth date);
   * if not, why, for the people the file is about (null for anyone else).
   */
  mayFile: z.boolean(),
  whyNot: z.string().nullable(),
});
export type DestructionRequests = z.infer<typeof DestructionRequests>;

/** The answer to carrying a request out: the case is gone. */
export const CaseDestroyed = z.object({ destroyed: z.literal(true) });

/** Jeugdwet art. 7.3.9: a request is decided within 3 months. */
export const ANSWER_WITHIN_MONTHS = 3;

/** The Dutch day by which a request filed at `filedAt` must be answered. */
export function answerDueOn(filedAt: Date): string {
  return addMonths(dateInNetherlands(filedAt), ANSWER_WITHIN_MONTHS);
}
