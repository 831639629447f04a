import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { AccessGrant, CaseAccessContext, Consent, Participant, SectionInstance } from '../../shared/caseModel.ts';
import { AccessGrant as AccessGrantSchema, Consent as ConsentSchema, SectionInstance as SectionSchema } from '../../shared/caseModel.ts';
import { BirthDate, ownRightsFrom } from '../../shared/ownRights.ts';
import type { SqlStore } from './db.ts';
import { EmergencyStore } from './emergencyStore.ts';
import { memberFromRow } from './participantRow.ts';
import type { CasesTable, PersonsTable, SectionsTable } from './schema.ts';

export type CaseRow = CasesTable;

/** A member row with the account's directory entry, from which a professional's role is taken. */
const MEMBER_COLUMNS = [
  'participants.case_id',
  'participants.user_id',
  'participants.role',
  'participants.organisation_id',
  'participants.person_id',
  'users.name',
  'users.role as directory_role',
  'users.organisation_id as directory_organisation_id',
] as const;
export type PersonRow = Selectable<PersonsTable>;

/** When a section last changed and by whom; both null for a section nobody has written in yet. */
const SectionChange = z.object({ updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
export type SectionChange = z.infer<typeof SectionChange>;

/**
 * Reads and writes of cases, participants, sections, consents and grants. Rows are parsed with the
 * shared zod schemas on the way out so a corrupt row fails loudly here, not in the policy.
 */
export class CaseStore {
  /** Crisis workers reading a case under emergency access count as its participants while it runs. */
  readonly emergency: EmergencyStore;

  constructor(private readonly sql: SqlStore) {
    this.emergency = new EmergencyStore(sql);
  }

  private get db() {
    return this.sql.db;
  }

  async caseById(caseId: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  }

  /** Cases the user takes part in, or reads under emergency access right now. */
  async casesOf(userId: string): Promise<CaseRow[]> {
    const emergencies = await this.emergency.casesOf(userId, new Date().toISOString());
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('id', 'in', eb.selectFrom('participants').select('case_id').where('user_id', '=', userId).where('removed_at', 'is', null)),
          ...(emergencies.length > 0 ? [eb('id', 'in', emergencies.map((e) => e.caseId))] : []),
        ]),
      )
      .orderBy('created_at', 'desc')
      .execute();
  }

  /**
   * The active participant, or undefined when the user is not (or no longer) in the case. A crisis
   * worker under running emergency access is one too, carrying that access for the policy.
   */
  async participant(caseId: string, userId: string): Promise<Participant | undefined> {
    return (await this.member(caseId, userId)) ?? this.emergency.participant(caseId, userId, new Date().toISOString());
  }

  /** A participant by invitation, not by emergency access. */
  async member(caseId: string, userId: string): Promise<Participant | undefined> {
    const row = await this.db
      .selectFrom('participants')
      .innerJoin('users', 'users.id', 'participants.user_id')
      .select(MEMBER_COLUMNS)
      .where('participants.case_id', '=', caseId)
      .where('participants.user_id', '=', userId)
      .where('participants.removed_at', 'is', null)
      .executeTakeFirst();
    return row ? memberFromRow(row) : undefined;
  }

  /** Everyone in the case now, crisis workers under emergency access included. */
  async participants(caseId: string): Promise<Participant[]> {
    const [members, emergencies] = await Promise.all([this.members(caseId), this.emergency.participants(caseId, new Date().toISOString())]);
    const inCase = new Set(members.map((m) => m.userId));
    return [...members, ...emergencies.filter((e) => !inCase.has(e.userId))];
  }

  private async members(caseId: string): Promise<Participant[]> {
    const rows = await this.db
      .selectFrom('participants')
      .innerJoin('users', 'users.id', 'participants.user_id')
      .select(MEMBER_COLUMNS)
      .where('participants.case_id', '=', caseId)
      .where('participants.removed_at', 'is', null)
      .execute();
    return rows.flatMap((r) => memberFromRow(r) ?? []);
  }

  /** The persons of the case now; someone taken out of it is not listed (see `accessContext`). */
  async persons(caseId: string): Promise<PersonRow[]> {
    return this.db.selectFrom('persons').selectAll().where('case_id', '=', caseId).where('removed_at', 'is', null).execute();
  }

  async sections(caseId: string): Promise<SectionInstance[]> {
    const rows = await this.db.selectFrom('sections').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
    return rows.map(toSection);
  }

  async section(caseId: string, sectionId: string): Promise<SectionInstance | undefined> {
    const row = await this.db.selectFrom('sections').selectAll().where('case_id', '=', caseId).where('id', '=', sectionId).executeTakeFirst();
    return row ? toSection(row) : undefined;
  }

  /** The last change of every section of the case, by section id. */
  async sectionChanges(caseId: string): Promise<Map<string, SectionChange>> {
    const rows = await this.db.selectFrom('sections').select(['id', 'updated_at', 'updated_by']).where('case_id', '=', caseId).execute();
    return new Map(rows.map((r) => [r.id, SectionChange.parse({ updatedAt: r.updated_at, updatedBy: r.updated_by })]));
  }

  async accessContext(caseId: string): Promise<CaseAccessContext> {
    // Removed persons too: a removed child's archived health section still follows her 16th birthday.
    const allPersons = this.db.selectFrom('persons').selectAll().where('case_id', '=', caseId).execute();
    const [consents, grants, persons] = await Promise.all([this.consents(caseId), this.grants(caseId), allPersons]);
    // A stored date that is not one (hand-edited data) gives no own rights rather than an error.
    const children = persons.filter((p) => p.kind === 'kind' && BirthDate.safeParse(p.birth_date).success);
    const ownRights = Object.fromEntries(children.map((p) => [p.id, ownRightsFrom(p.birth_date!)]));
    return { consents, grants, now: new Date().toISOString(), ownRightsFrom: ownRights };
  }

  async consents(caseId: string): Promise<Consent[]> {
    const rows = await this.db.selectFrom('consents').selectAll().where('case_id', '=', caseId).orderBy('given_at').execute();
    return rows.map((r) =>
      ConsentSchema.parse({
        id: r.id,
        caseId: r.case_id,
        sectionInstanceId: r.section_id,
        basis: r.basis,
        grantee: JSON.parse(r.grantee),
        reason: r.reason,
        givenBy: r.given_by,
        givenAt: r.given_at,
        until: r.until,
        withdrawnAt: r.withdrawn_at,
      }),
    );
  }

  async grants(caseId: string): Promise<AccessGrant[]> {
    const rows = await this.db.selectFrom('grants').selectAll().where('case_id', '=', caseId).orderBy('granted_at').execute();
    return rows.map((r) =>
      AccessGrantSchema.parse({
        id: r.id,
        caseId: r.case_id,
        sectionInstanceId: r.section_id,
        userId: r.user_id,
        level: r.level,
        reason: r.reason,
        grantedBy: r.granted_by,
        grantedAt: r.granted_at,
      }),
    );
  }

  async addConsent(c: Consent): Promise<void> {
    await this.db
      .insertInto('consents')
      .values({
        id: c.id,
        case_id: c.caseId,
        section_id: c.sectionInstanceId,
        basis: c.basis,
        grantee: JSON.stringify(c.grantee),
        reason: c.reason,
        given_by: c.givenBy,
        given_at: c.givenAt,
        until: c.until,
        withdrawn_at: c.withdrawnAt,
      })
      .execute();
  }

  async withdrawConsent(caseId: string, consentId: string, at: string): Promise<boolean> {
    const res = await this.db
      .updateTable('consents')
      .set({ withdrawn_at: at })
      .where('case_id', '=', caseId)
      .where('id', '=', consentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async addGrant(g: AccessGrant): Promise<void> {
    await this.db
      .insertInto('grants')
      .values({
        id: g.id,
        case_id: g.caseId,
        section_id: g.sectionInstanceId,
        user_id: g.userId,
        level: g.level,
        reason: g.reason,
        granted_by: g.grantedBy,
        granted_at: g.grantedAt,
      })
      .execute();
  }

  async removeParticipant(caseId: string, userId: string, at: string): Promise<boolean> {
    const res = await this.db
      .updateTable('participants')
      .set({ removed_at: at })
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /**
   * Last change and its author per section, for many sections in one transaction (one disk
   * sync), written without holding up the event loop.
   */
  async markSectionsChanged(changes: readonly { caseId: string; sectionId: string; userId: string; at: string }[]): Promise<void> {
    if (changes.length === 0) return;
    // Always in the same order: two processes flushing overlapping sections would otherwise
    // lock the rows in opposite orders and deadlock on PostgreSQL.
    const ordered = [...changes].sort((a, b) => (a.caseId === b.caseId ? compare(a.sectionId, b.sectionId) : compare(a.caseId, b.caseId)));
    await this.sql.write(ordered.map((c) => this.db.updateTable('sections').set({ updated_at: c.at, updated_by: c.userId }).where('case_id', '=', c.caseId).where('id', '=', c.sectionId)));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toSection(r: Pick<SectionsTable, 'id' | 'case_id' | 'catalogue_id' | 'subject_person_id' | 'owner_organisation_id' | 'title' | 'status'> & { archived_at?: string | null }): SectionInstance {
  return SectionSchema.parse({
    id: r.id,
    caseId: r.case_id,
    catalogueId: r.catalogue_id,
    subjectPersonId: r.subject_person_id,
    ownerOrganisationId: r.owner_organisation_id,
    title: r.title,
    status: r.status,
    archivedAt: r.archived_at ?? null,
  });
}
