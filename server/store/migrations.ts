import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './dialect.ts';
import { foundationMigration } from './migrations/0001_foundation.ts';
import { signInMigration } from './migrations/0008_sign_in.ts';
import { casePersonsMigration } from './migrations/0009_case_persons.ts';
import { noticesMigration } from './migrations/0010_notices.ts';
import { meetingsMigration } from './migrations/0011_meetings.ts';
import { keepersInvitationsClosingMigration } from './migrations/0012_keepers_invitations_closing.ts';
import { contactDetailsMigration } from './migrations/0013_contact_details.ts';
import { ownVoiceMigration } from './migrations/0014_own_voice.ts';
import { ownVoiceChildrenMigration } from './migrations/0015_own_voice_children.ts';
import { retentionMigration } from './migrations/0016_retention.ts';
import { organisationTitlesMigration } from './migrations/0017_organisation_titles.ts';
import { mailMessageIdsMigration } from './migrations/0018_mail_message_ids.ts';

/**
 * Migrations in code, one per schema change, never edited after release. Column types differ
 * only where SQLite and PostgreSQL must (auto-increment ids, binary).
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run on a schema-less Kysely.
  const serialId = (db: Kysely<any>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    '0001_foundation': foundationMigration(dialect),
    '0002_confirmations': {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('confirmations')
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('section_id', 'text', (c) => c.notNull())
          .addColumn('block_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('confirmations_pk', ['case_id', 'section_id', 'block_id', 'user_id'])
          .execute();
      },
    },
    '0003_comments_review': {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('comment_threads')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('section_id', 'text', (c) => c.notNull())
          .addColumn('anchor', 'text', (c) => c.notNull())
          .addColumn('visibility', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('resolved_at', 'text')
          .addColumn('resolved_by', 'text')
          .execute();
        await db.schema.createIndex('comment_threads_section').on('comment_threads').columns(['case_id', 'section_id']).execute();
        await serialId(db, 'comments')
          .addColumn('thread_id', 'text', (c) => c.notNull())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('comments_thread').on('comments').columns(['thread_id', 'id']).execute();
        await serialId(db, 'status_events')
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('section_id', 'text', (c) => c.notNull())
          .addColumn('from_status', 'text', (c) => c.notNull())
          .addColumn('to_status', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('reaction_until', 'text')
          .execute();
        await db.schema.createIndex('status_events_section').on('status_events').columns(['case_id', 'section_id', 'id']).execute();
        await serialId(db, 'approvals')
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('section_id', 'text', (c) => c.notNull())
          .addColumn('approved_by', 'text', (c) => c.notNull())
          .addColumn('approved_at', 'text', (c) => c.notNull())
          .addColumn('content_snapshot', 'text', (c) => c.notNull())
          .addColumn('withdrawn_at', 'text')
          .addColumn('withdrawn_by', 'text')
          .execute();
        await db.schema.createIndex('approvals_section').on('approvals').columns(['case_id', 'section_id', 'id']).execute();
      },
    },
    '0004_correction_requests': {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      async up(db: Kysely<any>) {
        // One column per statement: SQLite adds one at a time.
        await db.schema.alterTable('comment_threads').addColumn('kind', 'text', (c) => c.notNull().defaultTo('reactie')).execute();
        for (const column of ['decision', 'decided_by', 'decided_at']) await db.schema.alterTable('comment_threads').addColumn(column, 'text').execute();
      },
    },
    '0005_emergency_access': {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('emergency_staff')
          .addColumn('user_id', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('organisation_id', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('emergency_access')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('organisation_id', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('until', 'text', (c) => c.notNull())
          .addColumn('ended_at', 'text')
          .addColumn('ended_by', 'text')
          .execute();
        await db.schema.createIndex('emergency_access_case').on('emergency_access').columns(['case_id', 'user_id']).execute();
        await db.schema.createIndex('emergency_access_user').on('emergency_access').columns(['user_id']).execute();
      },
    },
    '0006_person_birth_date': {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      async up(db: Kysely<any>) {
        // A birth year cannot tell when a young person turns 16; the day can.
        await db.schema.alterTable('persons').addColumn('birth_date', 'text').execute();
      },
    },
    '0007_directory_and_authorship': {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      async up(db: Kysely<any>) {
        // A professional's role and organisation belong to the account, kept by the operator.
        await db.schema
          .createTable('organisations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('region', 'text', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('users').addColumn('role', 'text').execute();
        await db.schema.alterTable('users').addColumn('organisation_id', 'text').execute();
        // Each Yjs client id of a section belongs to the user who first stored an update with it.
        await db.schema
          .createTable('doc_clients')
          .addColumn('room', 'text', (c) => c.notNull())
          .addColumn('client_id', 'bigint', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('organisation_id', 'text', (c) => c.notNull())
          .addColumn('claimed_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('doc_clients_pk', ['room', 'client_id'])
          .execute();
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
    },
    '0008_sign_in': signInMigration,
    '0009_case_persons': casePersonsMigration,
    '0010_notices': noticesMigration(dialect),
    '0011_meetings': meetingsMigration,
    '0012_keepers_invitations_closing': keepersInvitationsClosingMigration,
    '0013_contact_details': contactDetailsMigration,
    '0014_own_voice': ownVoiceMigration,
    '0015_own_voice_children': ownVoiceChildrenMigration,
    '0016_retention': retentionMigration,
    '0017_organisation_titles': organisationTitlesMigration,
    '0018_mail_message_ids': mailMessageIdsMigration,
  };
}

/** Brings the schema up to date; safe to call from several processes at once on PostgreSQL. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrate(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Kysely looks for its bookkeeping tables in every schema unless told which one; with several
  // schemas in one database (one per deployment or test run) it would find another's and skip ours.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    // Before any migration runs, Kysely reads the tables of every schema in the database; another
    // deployment's schema dropped during that read fails it ("schema … does not exist"). Nothing
    // of ours was changed then, so reading again is safe.
    if (results === undefined && attempt < 5 && /schema ".+" does not exist/.test(String(error))) {
      await new Promise((r) => setTimeout(r, 50 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see migrate.
async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no current PostgreSQL schema (search_path is empty)');
  return schema;
}
