import type { Kysely, Migration } from 'kysely';
import { addColumns, createTable } from './tables.ts';

/** The organisations, a professional's role and organisation on the account, and the owner of each Yjs client id. */
export const directoryAndAuthorshipMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  async up(db: Kysely<any>) {
    // A professional's role and organisation belong to the account, kept by the operator.
    await createTable(db, 'organisations', 'id key, name, kind, region').execute();
    await addColumns(db, 'users', 'role?, organisation_id?');
    // Each Yjs client id of a section belongs to the user who first stored an update with it.
    await createTable(db, 'doc_clients', 'room, client_id bigint, user_id, role, organisation_id, claimed_at', ['room', 'client_id']).execute();
    // Existing professionals keep the role they had in their cases (the latest one), so an
    // upgrade locks nobody out; `npm run beheer -- list` shows what was taken over.
    const rows = await db
      .selectFrom('participants')
      .select(['user_id', 'role', 'organisation_id', 'added_at'])
      .where('role', 'not in', ['ouder', 'jeugdige', 'netwerk'])
      .orderBy('added_at')
      .execute();
    const staff = await db.selectFrom('emergency_staff').selectAll().execute();
    const latest = new Map<string, { role: string; organisation_id: string }>();
    for (const r of [...staff, ...rows]) latest.set(r.user_id, { role: r.role, organisation_id: r.organisation_id });
    for (const [userId, d] of latest) {
      await db.updateTable('users').set({ role: d.role, organisation_id: d.organisation_id }).where('id', '=', userId).execute();
    }
  },
};
