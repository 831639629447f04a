import { sql as raw } from 'kysely';
import { isFamilyRole, Role } from '../../shared/roles.ts';
import type { SqlStore } from './db.ts';
import type { DestructionRequestsTable, LegalHoldsTable } from './retentionSchema.ts';

export type HoldRow = LegalHoldsTable;
export type RequestRow = DestructionRequestsTable;

/**
 * What keeping and destroying a case stores (migration 0016): an organisation's own term, legal
 * holds, and the family's destruction requests. Rules live in server/cases/; this only reads and
 * writes rows.
 */
export class RetentionStore {
  constructor(private readonly sql: SqlStore) {}

  /** Every organisation with its own term (null: the default). */
  async terms(): Promise<Map<string, { name: string; years: number | null }>> {
    const rows = await this.sql.db.selectFrom('organisations').select(['id', 'name', 'retention_years']).execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, years: r.retention_years === null ? null : Number(r.retention_years) }]));
  }

  /** Sets the organisation's term; false when there is no such organisation. */
  async setTerm(organisationId: string, years: number | null): Promise<boolean> {
    const r = await this.sql.db.updateTable('organisations').set({ retention_years: years }).where('id', '=', organisationId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** The organisations of every professional who took part in the case, also those who left it. */
  async caseOrganisations(caseId: string): Promise<string[]> {
    const rows = await this.sql.db.selectFrom('participants').select(['organisation_id', 'role']).where('case_id', '=', caseId).execute();
    const professional = rows.filter((r) => !isFamilyRole(Role.parse(r.role)));
    return [...new Set(professional.map((r) => r.organisation_id))].sort();
  }

  async activeHold(caseId: string): Promise<HoldRow | undefined> {
    return this.sql.db.selectFrom('legal_holds').selectAll().where('case_id', '=', caseId).where('lifted_at', 'is', null).executeTakeFirst();
  }

  /** The cases under a hold now. */
  async heldCases(): Promise<Set<string>> {
    const rows = await this.sql.db.selectFrom('legal_holds').select('case_id').where('lifted_at', 'is', null).execute();
    return new Set(rows.map((r) => r.case_id));
  }

  /**
   * Adds the hold unless the case has one already; true when added. One statement that checks
   * and inserts (on SQLite a read before a write in one transaction can find its snapshot stale).
   */
  async setHold(row: Omit<HoldRow, 'lifted_by' | 'lifted_at' | 'lift_reason'>): Promise<boolean> {
    const r = await raw`insert into legal_holds (id, case_id, reason, set_by, set_at)
      select ${row.id}, ${row.case_id}, ${row.reason}, ${row.set_by}, ${row.set_at}
      where not exists (select 1 from legal_holds where case_id = ${row.case_id} and lifted_at is null)`.execute(this.sql.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /** Lifts the case's hold; the lifted hold's id, or null when there was none. */
  async liftHold(caseId: string, by: string, reason: string, at: string): Promise<string | null> {
    const held = await this.activeHold(caseId);
    if (!held) return null;
    const r = await this.sql.db.updateTable('legal_holds').set({ lifted_by: by, lifted_at: at, lift_reason: reason }).where('id', '=', held.id).where('lifted_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0 ? held.id : null;
  }

  async requests(caseId: string): Promise<RequestRow[]> {
    return this.sql.db.selectFrom('destruction_requests').selectAll().where('case_id', '=', caseId).orderBy('filed_at').execute();
  }

  async request(caseId: string, id: string): Promise<RequestRow | undefined> {
    return this.sql.db.selectFrom('destruction_requests').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  /** Files the request unless this person has one open in the case; true when filed. One statement, as `setHold`. */
  async file(row: RequestRow): Promise<boolean> {
    const r = await raw`insert into destruction_requests (id, case_id, filed_by, filed_at, due_on, explanation, status)
      select ${row.id}, ${row.case_id}, ${row.filed_by}, ${row.filed_at}, ${row.due_on}, ${row.explanation}, 'open'
      where not exists (select 1 from destruction_requests where case_id = ${row.case_id} and filed_by = ${row.filed_by} and status = 'open')`.execute(this.sql.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /** Refuses an open request with the written answer; false when it was not open (any more). */
  async refuse(caseId: string, id: string, by: string, answer: string, at: string): Promise<boolean> {
    const r = await this.sql.db
      .updateTable('destruction_requests')
      .set({ status: 'geweigerd', answer, answered_by: by, answered_at: at })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
