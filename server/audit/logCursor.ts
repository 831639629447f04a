import { DomainError } from '../domainError.ts';
import type { SecretBox } from '../secrets/secretBox.ts';

/**
 * Where the first page of a case's log was read up to, as the reader gets it back (`upTo`): the
 * id of the newest row that page's query read, so the next pages read only rows with an id of at
 * most that one and a row committed since, whatever time it carries, does not show up on them.
 *
 * The id is sealed (SecretBox: encrypted, and bound to the case), not given as it is. The ids are
 * counted over the whole log, every case and every sign-in, so two of them a day apart would tell
 * a parent how much happened elsewhere in that time; a count of this case's rows would still tell
 * them how often sections they may not read were opened. Sealed, it tells nothing; each seal has
 * its own IV, so two first pages of an unchanged log do not even look alike.
 */
export function sealUpTo(box: SecretBox, caseId: string, id: number): string {
  return box.seal(JSON.stringify([caseId, id]));
}

/** The id an `upTo` of this case stands for; refused when it was not sealed by Tafel for this case. */
export function openUpTo(box: SecretBox, caseId: string, upTo: string): number {
  let value: unknown;
  try {
    value = JSON.parse(box.open(upTo));
  } catch {
    value = null;
  }
  if (!Array.isArray(value) || value[0] !== caseId || !Number.isSafeInteger(value[1])) {
    throw new DomainError('invalid', 'Laad het logboek opnieuw; deze lijst is niet meer te vervolgen.', 'upTo');
  }
  return value[1] as number;
}
