import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** The first schema: cases, participants, sections, the update log, snapshots, sessions and the audit log. */
export function foundationMigration(dialect: Dialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  const serialId = (db: Kysely<any>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  return {
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('dates', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('persons')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('birth_year', 'integer')
        .addPrimaryKeyConstraint('persons_pk', ['case_id', 'id'])
        .execute();
      await db.schema
        .createTable('participants')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .addPrimaryKeyConstraint('participants_pk', ['case_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('sections')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('catalogue_id', 'text', (c) => c.notNull())
        .addColumn('subject_person_id', 'text')
        .addColumn('owner_organisation_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text')
        .addColumn('updated_by', 'text')
        .addPrimaryKeyConstraint('sections_pk', ['case_id', 'id'])
        .execute();
      await db.schema
        .createTable('consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('section_id', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('grantee', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('given_by', 'text', (c) => c.notNull())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addColumn('until', 'text')
        .addColumn('withdrawn_at', 'text')
        .execute();
      await db.schema.createIndex('consents_case').on('consents').column('case_id').execute();
      await db.schema
        .createTable('grants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('section_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('grants_case').on('grants').column('case_id').execute();
      await db.schema
        .createTable('invitations')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await serialId(db, 'doc_updates')
        .addColumn('room', 'text', (c) => c.notNull())
        .addColumn('data', sql.raw(binary), (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('doc_updates_room_id').on('doc_updates').columns(['room', 'id']).execute();
      await db.schema
        .createTable('doc_snapshots')
        .addColumn('room', 'text', (c) => c.notNull())
        .addColumn('upto_id', 'integer', (c) => c.notNull())
        .addColumn('data', sql.raw(binary), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('doc_snapshots_pk', ['room', 'upto_id'])
        .execute();
      await serialId(db, 'audit_events')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('section_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('role', 'text')
        .addColumn('organisation_id', 'text')
        .addColumn('on_behalf_of', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_case_at').on('audit_events').columns(['case_id', 'at']).execute();
    },
  };
}
