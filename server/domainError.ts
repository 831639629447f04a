/**
 * A refusal by a domain rule, with a message safe to show (Dutch). Modules below `http/` throw
 * these; `http/errors.ts` turns the kind into a status code, so no rule needs to know about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field the refusal is about, when it is about one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * `not_removed`: a removal request cannot be answered "Verwijderd" (yet): the text is not out of the section.
 * `reaction_period`: a section cannot be adopted while the family may still react to it.
 * `already_in_case`: emergency access asked by someone who takes part in the case.
 * `too_many`: a limit on how often something may be done was reached.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'bad_credentials'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'not_removed'
  | 'reaction_period'
  | 'already_in_case'
  | 'too_many'
  | 'gone'
  | 'unknown';
