import { z } from 'zod';
import { UNKNOWN_USER } from '../../shared/identity.ts';
import type { SqlStore } from '../store/db.ts';

/** A user's display name by id; someone whose account is gone is still "someone" (`UNKNOWN_USER`). */
export type NameOf = (userId: string) => string;

const NameRow = z.object({ id: z.string(), name: z.string() });

/**
 * The one place that turns user ids into the names shown beside what people wrote, decided or
 * did: also of people no longer in the case, since what they did stays theirs. One query for all
 * the ids a view needs.
 */
export async function namesOf(sql: SqlStore, ids: Iterable<string>): Promise<NameOf> {
  const wanted = [...new Set(ids)];
  const rows = wanted.length === 0 ? [] : await sql.db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  const names = new Map(rows.map((r) => NameRow.parse(r)).map((r) => [r.id, r.name]));
  return (userId) => names.get(userId) ?? UNKNOWN_USER;
}

/**
 * An organisation's name by id, as the directory has it; null for the family ("gezin" is no
 * organisation) and for an id the directory does not know, so no one is shown as an id.
 */
export type OrganisationNameOf = (organisationId: string | null) => string | null;

/** The one place that turns organisation ids into names, like `namesOf` for users. */
export async function organisationNamesOf(sql: SqlStore, ids: Iterable<string | null>): Promise<OrganisationNameOf> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  const rows = wanted.length === 0 ? [] : await sql.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', wanted).execute();
  const names = new Map(rows.map((r) => NameRow.parse(r)).map((r) => [r.id, r.name]));
  return (organisationId) => (organisationId === null ? null : (names.get(organisationId) ?? null));
}
