import type { Participant } from '../../shared/caseModel.ts';
import type { Role } from '../../shared/roles.ts';
import type { SqlStore } from './db.ts';
import { participantFromRow } from './participantRow.ts';
import type { EmergencyAccessTable } from './emergencySchema.ts';

export type EmergencyRow = EmergencyAccessTable;

/**
 * Emergency access rows and the crisis staff who may start one. An access counts while it was not
 * ended and its end time has not passed; times are ISO strings from `toISOString`, so they compare
 * as strings.
 */
export class EmergencyStore {
  constructor(private readonly sql: SqlStore) {}

  private get db() {
    return this.sql.db;
  }

  /** The crisis worker's own role and organisation, or undefined for anyone else. */
  async staffMember(userId: string): Promise<{ role: Role; organisationId: string } | undefined> {
    const row = await this.db.selectFrom('emergency_staff').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row ? { role: row.role as Role, organisationId: row.organisation_id } : undefined;
  }

  /** Makes (or keeps) the user crisis staff, with this role and organisation. */
  async addStaff(userId: string, role: Role, organisationId: string): Promise<void> {
    await this.db
      .insertInto('emergency_staff')
      .values({ user_id: userId, role, organisation_id: organisationId })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ role, organisation_id: organisationId }))
      .execute();
  }

  /** False when the user was not crisis staff. Her running emergency accesses go on; see `endAllOf`. */
  async removeStaff(userId: string): Promise<boolean> {
    const res = await this.db.deleteFrom('emergency_staff').where('user_id', '=', userId).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Ends every running emergency access of the user, in any case; returns the ones it ended. */
  async endAllOf(userId: string, by: string, at: string): Promise<EmergencyRow[]> {
    // One statement: an access started between a read and the update cannot slip through.
    return this.db
      .updateTable('emergency_access')
      .set({ ended_at: at, ended_by: by })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .where('until', '>', at)
      .returningAll()
      .execute();
  }

  /** Cases in which an emergency access was ended early after `since` (by anyone, in any process). */
  async casesEndedSince(since: string): Promise<string[]> {
    const rows = await this.db.selectFrom('emergency_access').select('case_id').distinct().where('ended_at', '>', since).execute();
    return rows.map((r) => r.case_id);
  }

  async staff(): Promise<{ email: string; name: string; role: string; organisationId: string }[]> {
    const rows = await this.db
      .selectFrom('emergency_staff')
      .innerJoin('users', 'users.id', 'emergency_staff.user_id')
      .select(['users.email', 'users.name', 'emergency_staff.role', 'emergency_staff.organisation_id'])
      .orderBy('users.email')
      .execute();
    return rows.map((r) => ({ email: r.email, name: r.name, role: r.role, organisationId: r.organisation_id }));
  }

  /** The user's running emergency access to the case, as a participant the policy knows how to read. */
  async participant(caseId: string, userId: string, now: string): Promise<Participant | undefined> {
    const rows = await this.running(now).where('emergency_access.case_id', '=', caseId).where('emergency_access.user_id', '=', userId).execute();
    const [latest] = latestPerUser(rows);
    return latest ? toParticipant(latest) : undefined;
  }

  /** Everyone reading the case under emergency access right now. */
  async participants(caseId: string, now: string): Promise<Participant[]> {
    const rows = await this.running(now).where('emergency_access.case_id', '=', caseId).execute();
    return latestPerUser(rows).map(toParticipant);
  }

  /** Cases the user reads under emergency access right now, with when each ends. */
  async casesOf(userId: string, now: string): Promise<{ caseId: string; until: string }[]> {
    const rows = await this.running(now).where('emergency_access.user_id', '=', userId).execute();
    return latestPerUser(rows).map((r) => ({ caseId: r.case_id, until: r.until }));
  }

  /** How many emergency accesses the user started since then, in any case. */
  async startedSince(userId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('emergency_access')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('started_at', '>', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async start(row: Omit<EmergencyRow, 'ended_at' | 'ended_by'>): Promise<void> {
    await this.db.insertInto('emergency_access').values({ ...row, ended_at: null, ended_by: null }).execute();
  }

  /** Ends early every running emergency access of the user in the case; false when there was none. */
  async end(caseId: string, userId: string, by: string, at: string): Promise<boolean> {
    const res = await this.db
      .updateTable('emergency_access')
      .set({ ended_at: at, ended_by: by })
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .where('until', '>', at)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  private running(now: string) {
    return this.db
      .selectFrom('emergency_access')
      .innerJoin('users', 'users.id', 'emergency_access.user_id')
      .selectAll('emergency_access')
      .select('users.name')
      .where('emergency_access.ended_at', 'is', null)
      .where('emergency_access.until', '>', now);
  }
}

/** One access per person and case: the one that ends last. */
function latestPerUser<R extends EmergencyRow>(rows: readonly R[]): R[] {
  const byKey = new Map<string, R>();
  for (const r of rows) {
    const key = `${r.case_id}/${r.user_id}`;
    const seen = byKey.get(key);
    if (!seen || r.until > seen.until) byKey.set(key, r);
  }
  return [...byKey.values()];
}

function toParticipant(r: EmergencyRow & { name: string }): Participant {
  return participantFromRow({ ...r, person_id: null }, { id: r.id, reason: r.reason, startedAt: r.started_at, until: r.until });
}
