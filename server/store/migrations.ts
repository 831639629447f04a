import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './dialect.ts';
import { foundationMigration } from './migrations/0001_foundation.ts';
import { confirmationsMigration } from './migrations/0002_confirmations.ts';
import { commentsReviewMigration } from './migrations/0003_comments_review.ts';
import { correctionRequestsMigration } from './migrations/0004_correction_requests.ts';
import { emergencyAccessMigration } from './migrations/0005_emergency_access.ts';
import { personBirthDateMigration } from './migrations/0006_person_birth_date.ts';
import { directoryAndAuthorshipMigration } from './migrations/0007_directory_and_authorship.ts';
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
 * Migrations in code, one file per schema change. A released one never changes what it runs:
 * the statements of each are pinned by migrations/migrationSql.test.ts. Column types differ only
 * where SQLite and PostgreSQL must (auto-increment ids, binary).
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_foundation': foundationMigration(dialect),
    '0002_confirmations': confirmationsMigration,
    '0003_comments_review': commentsReviewMigration(dialect),
    '0004_correction_requests': correctionRequestsMigration,
    '0005_emergency_access': emergencyAccessMigration,
    '0006_person_birth_date': personBirthDateMigration,
    '0007_directory_and_authorship': directoryAndAuthorshipMigration,
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
