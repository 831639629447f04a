import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { binary, createTable, serialId } from './tables.ts';

/** The first schema: cases, participants, sections, the update log, snapshots, sessions and the audit log. */
export function foundationMigration(dialect: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
    async up(db: Kysely<any>) {
      await createTable(db, 'users', 'id key, email unique, name, password_hash, created_at').execute();
      await createTable(db, 'sessions', 'token_hash key, user_id, created_at, expires_at').execute();
      await createTable(db, 'cases', 'id key, title, region, status, created_at, dates').execute();
      await createTable(db, 'persons', 'id, case_id, name, kind, birth_year integer?', ['case_id', 'id']).execute();
      await createTable(db, 'participants', 'case_id, user_id, role, organisation_id, person_id?, added_at, removed_at?', ['case_id', 'user_id']).execute();
      await createTable(db, 'sections', 'id, case_id, catalogue_id, subject_person_id?, owner_organisation_id?, title, status, position integer, updated_at?, updated_by?', ['case_id', 'id']).execute();
      await createTable(db, 'consents', 'id key, case_id, section_id, basis, grantee, reason, given_by, given_at, until?, withdrawn_at?').execute();
      await db.schema.createIndex('consents_case').on('consents').column('case_id').execute();
      await createTable(db, 'grants', 'id key, case_id, section_id, user_id, level, reason, granted_by, granted_at').execute();
      await db.schema.createIndex('grants_case').on('grants').column('case_id').execute();
      await createTable(db, 'invitations', 'token_hash key, case_id, email, name, role, organisation_id, person_id?, created_by, created_at, used_at?').execute();
      await createTable(db, 'doc_updates', `id ${serialId(dialect)}, room, data ${binary(dialect)}, user_id, created_at bigint`).execute();
      await db.schema.createIndex('doc_updates_room_id').on('doc_updates').columns(['room', 'id']).execute();
      await createTable(db, 'doc_snapshots', `room, upto_id integer, data ${binary(dialect)}, created_at bigint`, ['room', 'upto_id']).execute();
      await createTable(db, 'audit_events', `id ${serialId(dialect)}, at, event, case_id?, section_id?, user_id?, role?, organisation_id?, on_behalf_of?, detail?`).execute();
      await db.schema.createIndex('audit_case_at').on('audit_events').columns(['case_id', 'at']).execute();
    },
  };
}
