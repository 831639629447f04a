import { z } from 'zod';

/**
 * Ids travel in URLs (`/sync/<caseId>/<sectionInstanceId>`) and room names, so they are
 * restricted to a URL-safe slug: no slashes, dots or percent signs, which rules out path tricks.
 */
const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'alleen kleine letters, cijfers, - en _');

export const CaseId = slug.brand<'CaseId'>();
export type CaseId = z.infer<typeof CaseId>;

export const SectionInstanceId = slug.brand<'SectionInstanceId'>();
export type SectionInstanceId = z.infer<typeof SectionInstanceId>;

export const UserId = slug.brand<'UserId'>();
export type UserId = z.infer<typeof UserId>;

/** A person in the family (parent, child, network member); not necessarily a user. */
export const PersonId = slug.brand<'PersonId'>();
export type PersonId = z.infer<typeof PersonId>;

export const OrganisationId = slug.brand<'OrganisationId'>();
export type OrganisationId = z.infer<typeof OrganisationId>;

/** The room of one section document: `<caseId>/<sectionInstanceId>`. */
export function roomName(caseId: CaseId, sectionId: SectionInstanceId): string {
  return `${caseId}/${sectionId}`;
}

/** A random id for rows created at run time (comments, consents, blocks). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(36).padStart(2, '0');
  return `${prefix}-${out}`;
}
