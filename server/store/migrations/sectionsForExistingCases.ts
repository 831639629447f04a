import type { Kysely } from 'kysely';

/**
 * The persons of one kind in every case, in the order each case lists them: that of their own
 * section of `catalogueId` (one per person); persons without one come last. Used, like
 * `insertSectionAfter`, by 0014 and 0015, and kept as they ran it.
 */
export async function personsInCaseOrder(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  db: Kysely<any>,
  kind: string,
  catalogueId: string,
): Promise<{ id: string; case_id: string; name: string }[]> {
  const persons = (await db.selectFrom('persons').select(['id', 'case_id', 'name']).where('kind', '=', kind).where('removed_at', 'is', null).execute()) as { id: string; case_id: string; name: string }[];
  const own = (await db.selectFrom('sections').select(['case_id', 'subject_person_id', 'position']).where('catalogue_id', '=', catalogueId).execute()) as { case_id: string; subject_person_id: string | null; position: number }[];
  const place = (p: { id: string; case_id: string }) => own.find((s) => s.case_id === p.case_id && s.subject_person_id === p.id)?.position ?? Number.MAX_SAFE_INTEGER;
  return persons.sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : place(a) - place(b)));
}

/**
 * Puts a new section into a case right after the last section whose catalogue id is in
 * `before`, moving the sections below it one place down. The migrations that gave cases which
 * already existed a new section (0014, 0015) use it; it must keep doing what it did for them.
 */
export async function insertSectionAfter(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  db: Kysely<any>,
  caseId: string,
  before: ReadonlySet<string>,
  section: { id: string; catalogue_id: string; subject_person_id: string; title: string },
): Promise<void> {
  const rows = (await db.selectFrom('sections').select(['catalogue_id', 'position']).where('case_id', '=', caseId).execute()) as { catalogue_id: string; position: number }[];
  const position = rows.filter((r) => before.has(r.catalogue_id)).reduce((max, r) => Math.max(max, r.position), -1) + 1;
  await db
    .updateTable('sections')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('position', '>=', position)
    .execute();
  await db
    .insertInto('sections')
    .values({
      id: section.id,
      case_id: caseId,
      catalogue_id: section.catalogue_id,
      subject_person_id: section.subject_person_id,
      owner_organisation_id: null,
      title: section.title,
      status: 'concept',
      position,
      updated_at: null,
      updated_by: null,
    })
    .execute();
}
