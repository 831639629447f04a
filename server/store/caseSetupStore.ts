import type { Selectable, Transaction } from 'kysely';
import { type CaseId, roomName, type SectionInstanceId } from '../../shared/ids.ts';
import { cataloguePosition, type PlannedSection } from '../cases/caseSections.ts';
import { DomainError } from '../domainError.ts';
import type { SqlStore } from './db.ts';
import type { CasesTable, Database, PersonsTable } from './schema.ts';

export type PersonInsert = Omit<Selectable<PersonsTable>, 'case_id' | 'removed_at'>;

/** A new case in one piece: nothing of it is stored unless all of it is. */
export interface NewCaseRows {
  case: CasesTable;
  persons: readonly PersonInsert[];
  participants: readonly { userId: string; role: string; organisationId: string }[];
  sections: readonly PlannedSection[];
}

/** The tables that hold something about a section: content, history, comments, consents, review. */
const SECTION_RECORDS = ['comment_threads', 'consents', 'grants', 'status_events', 'approvals', 'confirmations'] as const;

/**
 * Writes of a case's make-up: starting it, and its persons over time with the sections about
 * them. Each call is one transaction, so a case or a person is never half made.
 */
export class CaseSetupStore {
  constructor(private readonly sql: SqlStore) {}

  async create(rows: NewCaseRows): Promise<void> {
    const at = rows.case.created_at;
    await this.sql.db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(rows.case).execute();
      if (rows.persons.length > 0) await trx.insertInto('persons').values(rows.persons.map((p) => ({ ...p, case_id: rows.case.id }))).execute();
      await trx
        .insertInto('participants')
        .values(rows.participants.map((p) => ({ case_id: rows.case.id, user_id: p.userId, role: p.role, organisation_id: p.organisationId, person_id: null, added_at: at, removed_at: null })))
        .execute();
      await trx.insertInto('sections').values(rows.sections.map((s, i) => sectionRow(rows.case.id, s, i))).execute();
    });
  }

  /** Adds a person and the sections about them, each after the other instances of its catalogue entry. */
  async addPerson(caseId: string, person: PersonInsert, sections: readonly PlannedSection[]): Promise<void> {
    await this.sql.db.transaction().execute(async (trx) => {
      await trx.insertInto('persons').values({ ...person, case_id: caseId }).execute();
      for (const section of sections) {
        const position = await insertionPoint(trx, caseId, section);
        await trx.updateTable('sections').set((eb) => ({ position: eb('position', '+', 1) })).where('case_id', '=', caseId).where('position', '>=', position).execute();
        await trx.insertInto('sections').values(sectionRow(caseId, section, position)).execute();
      }
    });
  }

  /** Corrects a person and the titles of the sections about them; false when there is no such person (any more). */
  async correctPerson(caseId: string, personId: string, changes: Partial<Pick<PersonInsert, 'name' | 'birth_date' | 'birth_year' | 'relation'>>, titles: ReadonlyMap<string, string>): Promise<boolean> {
    return this.sql.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('persons').set(changes).where('case_id', '=', caseId).where('id', '=', personId).where('removed_at', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      for (const [sectionId, title] of titles) {
        await trx.updateTable('sections').set({ title }).where('case_id', '=', caseId).where('id', '=', sectionId).where('archived_at', 'is', null).execute();
      }
      return true;
    });
  }

  /**
   * Takes a person out of the case. A section about them that holds anything (text, history,
   * comments, consents, review) is archived, never dropped; an untouched one is dropped. A person
   * someone signs in as stays until that participant is taken out. `live`: sections whose open
   * document holds something not necessarily stored yet.
   */
  async removePerson(caseId: string, personId: string, at: string, live: ReadonlySet<string>): Promise<{ archived: string[]; dropped: string[] } | undefined> {
    return this.sql.db.transaction().execute(async (trx) => {
      const person = await trx.selectFrom('persons').select('id').where('case_id', '=', caseId).where('id', '=', personId).where('removed_at', 'is', null).executeTakeFirst();
      if (!person) return undefined;
      const member = await trx.selectFrom('participants').select('user_id').where('case_id', '=', caseId).where('person_id', '=', personId).where('removed_at', 'is', null).executeTakeFirst();
      if (member) throw new DomainError('conflict', 'Iemand logt in als deze persoon. Haal die deelnemer eerst uit de zaak.');
      const sections = await trx.selectFrom('sections').select(['id', 'title']).where('case_id', '=', caseId).where('subject_person_id', '=', personId).where('archived_at', 'is', null).execute();
      const archived: string[] = [];
      const dropped: string[] = [];
      for (const s of sections) {
        if (live.has(s.id) || (await holdsSomething(trx, caseId, s.id))) {
          await trx.updateTable('sections').set({ archived_at: at, title: `${s.title} (gearchiveerd)` }).where('case_id', '=', caseId).where('id', '=', s.id).execute();
          archived.push(s.id);
        } else {
          await trx.deleteFrom('sections').where('case_id', '=', caseId).where('id', '=', s.id).execute();
          dropped.push(s.id);
        }
      }
      await trx.updateTable('persons').set({ removed_at: at }).where('case_id', '=', caseId).where('id', '=', personId).execute();
      return { archived, dropped };
    });
  }
}

/** Why a case started and whether it is closed: what the case page shows about the case itself. */
export interface CaseRecordRow {
  reason: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closeReason: string | null;
  createdAt: string;
}

export interface ClosingStore {
  record(caseId: string): Promise<CaseRecordRow | undefined>;
  close(caseId: string, by: string, reason: string, closedAt: string): Promise<boolean>;
  closedBefore(iso: string): Promise<{ id: string; closedAt: string }[]>;
}

/**
 * Closing: the case gets its closing date and reason, and every section is archived (kept as it
 * is, read only for whoever could read it; accessFor caps an archived section at `read`), in one
 * transaction. Only an open case closes.
 */
export function closingStore(sql: SqlStore): ClosingStore {
  return {
    async record(caseId) {
      const row = await sql.db.selectFrom('cases').select(['reason', 'closed_at', 'closed_by', 'close_reason', 'created_at']).where('id', '=', caseId).executeTakeFirst();
      return row ? { reason: row.reason, closedAt: row.closed_at, closedBy: row.closed_by, closeReason: row.close_reason, createdAt: row.created_at } : undefined;
    },
    async close(caseId, by, reason, closedAt) {
      return sql.db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('cases').set({ status: 'gesloten', closed_at: closedAt, closed_by: by, close_reason: reason }).where('id', '=', caseId).where('closed_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
        await trx.updateTable('sections').set({ archived_at: closedAt }).where('case_id', '=', caseId).where('archived_at', 'is', null).execute();
        return true;
      });
    },
    async closedBefore(iso) {
      const rows = await sql.db.selectFrom('cases').select(['id', 'closed_at']).where('closed_at', 'is not', null).where('closed_at', '<', iso).orderBy('closed_at').execute();
      return rows.map((r) => ({ id: r.id, closedAt: r.closed_at! }));
    },
  };
}

function sectionRow(caseId: string, s: PlannedSection, position: number) {
  return {
    id: s.id,
    case_id: caseId,
    catalogue_id: s.catalogueId,
    subject_person_id: s.subjectPersonId,
    owner_organisation_id: s.ownerOrganisationId,
    title: s.title,
    status: 'concept',
    position,
    updated_at: null,
    updated_by: null,
  };
}

/** Just after the last section whose catalogue entry comes before or is this one's; first otherwise. */
async function insertionPoint(trx: Transaction<Database>, caseId: string, section: PlannedSection): Promise<number> {
  const mine = cataloguePosition(section.catalogueId);
  const rows = await trx.selectFrom('sections').select(['catalogue_id', 'position']).where('case_id', '=', caseId).execute();
  let after = -1;
  for (const r of rows) {
    const index = cataloguePosition(r.catalogue_id as PlannedSection['catalogueId']);
    if (index !== -1 && index <= mine) after = Math.max(after, r.position);
  }
  return after + 1;
}

async function holdsSomething(trx: Transaction<Database>, caseId: string, sectionId: string): Promise<boolean> {
  const room = roomName(caseId as CaseId, sectionId as SectionInstanceId);
  if (await trx.selectFrom('doc_updates').select('id').where('room', '=', room).limit(1).executeTakeFirst()) return true;
  if (await trx.selectFrom('doc_snapshots').select('upto_id').where('room', '=', room).limit(1).executeTakeFirst()) return true;
  for (const table of SECTION_RECORDS) {
    const row = await trx.selectFrom(table).select('case_id').where('case_id', '=', caseId).where('section_id', '=', sectionId).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}
