import type { Attestation } from './blocks/authorship.ts';
import { formatDate } from './format.ts';
import { FAMILY_STATUS_LABEL, FAMILY_STATUS_MEANING, type FamilyStatus } from './statusLabels.ts';

/**
 * Whether a besluit block is a decision of the Jeugdbeschermingstafel and which one applies now.
 * The Raad decides at the Tafel (DOMAIN.md, "Who may say what"): a besluit block the server attests
 * as put in by a Raad member is a decision from that moment, whatever the review status of the
 * besluit section around it. That status is about the write-up (approved, shared for the family's
 * reaction, final), not about whether it was decided. A besluit block anyone else wrote is a
 * proposal and keeps the section's status. Server (the home page's answer) and client (the card)
 * both read these rules.
 */

/** A decision of the Tafel: recorded by the Raad, as the server attests it. */
export const decidedByRaad = (author: Attestation | null): boolean => author?.role === 'raad';

export interface DecisionDates {
  datum: string;
  decided: boolean;
}

/**
 * For each decision (in any order), the date of the later decision of the Tafel that replaced it,
 * or null: the newest decision applies, each older one was replaced on the date of the next. Of
 * two on the same date the one later in the list is the later one. Proposals replace nothing and
 * are never replaced.
 */
export function replacedOn(decisions: readonly DecisionDates[]): (string | null)[] {
  const order = decisions
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.decided)
    .sort((a, b) => (a.d.datum < b.d.datum ? -1 : a.d.datum > b.d.datum ? 1 : a.i - b.i));
  const result: (string | null)[] = decisions.map(() => null);
  order.forEach(({ i }, k) => {
    result[i] = order[k + 1]?.d.datum ?? null;
  });
  return result;
}

export interface DecisionHeadline {
  /** The badge: "Besloten aan tafel op …", "Eerder besluit (vervangen op …)", or the section's word for a proposal. */
  label: string;
  /** One sentence after it, for the family (B1). */
  meaning: string;
  tone: 'success' | 'neutral' | 'warning';
}

/** What the family reads at the top of a decision's card. */
export function decisionHeadline(d: { datum: string; decided: boolean; replacedOn: string | null; familyStatus: FamilyStatus }): DecisionHeadline {
  if (d.decided && d.replacedOn !== null) {
    return { label: `Eerder besluit (vervangen op ${formatDate(d.replacedOn)})`, meaning: 'Dit besluit geldt niet meer. Er is daarna opnieuw besloten.', tone: 'neutral' };
  }
  if (d.decided) return { label: `Besloten aan tafel op ${formatDate(d.datum)}`, meaning: 'Dit besluit geldt nu.', tone: 'success' };
  return { label: FAMILY_STATUS_LABEL[d.familyStatus], meaning: FAMILY_STATUS_MEANING[d.familyStatus], tone: d.familyStatus === 'vastgesteld' ? 'success' : d.familyStatus === 'klaar-voor-reactie' ? 'warning' : 'neutral' };
}

/**
 * For a decision that applies: what the status of the besluit section means, apart from the
 * decision itself. While the professionals still work on the write-up, the family is told the
 * decision was taken and only the text around it may still change.
 */
export function writeUpNote(familyStatus: FamilyStatus): string {
  if (familyStatus === 'nog-niet-klaar') return 'Het besluit staat vast. De uitleg erbij is nog niet af; die kan nog veranderen.';
  if (familyStatus === 'klaar-voor-reactie') return 'Jullie kunnen nu laten weten wat jullie van het besluit vinden.';
  return 'Het verslag is definitief. Jullie kunnen er nog steeds op reageren.';
}
