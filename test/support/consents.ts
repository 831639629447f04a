/** A request as one signed-in person, as `signedInTafel`'s `api` sends it. */
type Api = (who: string, method: string, url: string, body?: unknown) => Promise<Response>;

/**
 * `who` consents that one person (their `p-…` id) may read this section of the demo case, with a
 * reason and an end when given.
 */
export function consentToPerson(api: Api, who: string, sectionId: string, personId: string, more: { reason?: string; until?: string } = {}): Promise<Response> {
  return api(who, 'POST', '/api/cases/demo/consents', { sectionId, basis: 'toestemming', grantee: { kind: 'person', personId }, ...more });
}
