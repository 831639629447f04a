import type { Role } from '../roles.ts';

/**
 * Who may ask for, decide and stop the destruction of a case (Jeugdwet art. 7.3.9; DOMAIN.md,
 * "Cases over time"). Asked through `may`; the verdicts are in plain Dutch for the family.
 */
type Verdict = { ok: true } | { ok: false; reason: string };
const YES: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

/** A parent, or the young person from 16 (`ownRights`), asks to destroy the file; nobody else. */
export function requestDestruction(role: Role, ownRights: boolean): Verdict {
  if (role === 'ouder') return YES;
  if (role === 'jeugdige') return ownRights ? YES : no('Vanaf 16 jaar kun je zelf vragen om je dossier te vernietigen. Tot die tijd kunnen je ouders dat vragen.');
  return no('Alleen een ouder, of de jongere vanaf 16 jaar, kan vragen om het dossier te vernietigen.');
}

/** The regisseur, who directs the case, answers a request and sets or lifts a legal hold. */
export function directsCase(role: Role, what: 'answer' | 'hold'): Verdict {
  if (role === 'regisseur') return YES;
  return no(what === 'answer' ? 'Alleen de regisseur beantwoordt een verzoek om vernietiging.' : 'Een bewaarplicht zet of haalt de regisseur, of de beheerder van een organisatie in de zaak.');
}

/** A beheerder sets the term of an organisation they keep. */
export function setRetentionTerm(keeps: readonly string[], organisationId: string): Verdict {
  return keeps.includes(organisationId) ? YES : no('Je stelt alleen de bewaartermijn van je eigen organisatie in.');
}

/** A beheerder holds a case in which professionals of an organisation they keep take part. */
export function keeperHold(keeps: readonly string[], organisations: readonly string[]): Verdict {
  return organisations.some((o) => keeps.includes(o)) ? YES : no('Je zet alleen een bewaarplicht op een zaak waarin jouw organisatie meedoet.');
}
