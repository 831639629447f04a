import { may, type MayTargets } from '../../shared/access/may.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { SectionStatus } from '../../shared/caseModel.ts';
import type { HistoryMark, ShareMark, StatusMark } from '../../shared/history.ts';
import { isFamilyRole, nameWithRole, roleInText } from '../../shared/roles.ts';
import { FAMILY_STATUS } from '../../shared/statusLabels.ts';
import type { Directory } from '../directory/directory.ts';
import type { LoggedUpdate, UpdateLog } from '../documents/updateLog.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SqlStore } from '../store/db.ts';

/** The version a moment belongs to: the last stored update at or before it (null: before the first). */
export function versionAt(updates: readonly Pick<LoggedUpdate, 'id' | 'at'>[], at: string): number | null {
  const ms = Date.parse(at);
  let versionId: number | null = null;
  for (const u of updates) if (u.at <= ms && (versionId === null || u.id > versionId)) versionId = u.id;
  return versionId;
}

/** Whom a share opened the section to: a consent's grantee, or the user of a grant. */
type ShareTo = MayTargets['hear-of-share']['to'];

interface Deps {
  sql: SqlStore;
  updateLog: UpdateLog;
  cases: CaseStore;
  directory: Directory;
}

/**
 * Status changes and shares of one section for its history, oldest first, each with the version it
 * belongs to. Read by those who may read the section's history; the family reads a status change
 * only where their own three words change ("Klaar voor jullie reactie", "Vastgesteld"), and shares
 * as `may('hear-of-share')` says.
 */
export async function historyMarks(d: Deps, reader: Participant, where: { caseId: string; sectionId: string; room: string }): Promise<HistoryMark[]> {
  const { caseId, sectionId } = where;
  const family = isFamilyRole(reader.role);
  const [events, ctx, persons, participants, updates] = await Promise.all([
    d.sql.db.selectFrom('status_events').selectAll().where('case_id', '=', caseId).where('section_id', '=', sectionId).orderBy('id').execute(),
    d.cases.accessContext(caseId),
    d.cases.persons(caseId),
    d.cases.participants(caseId),
    d.updateLog.updatesAfter(where.room, 0),
  ]);
  const roleOf = new Map(participants.map((p) => [p.userId as string, p.role]));
  const shares = [
    ...ctx.consents
      .filter((c) => c.sectionInstanceId === sectionId)
      .map((c) => ({ by: c.givenBy as string, at: c.givenAt, to: c.grantee as ShareTo, basis: c.basis, level: null, until: c.until, withdrawnAt: c.withdrawnAt })),
    ...ctx.grants
      // A grant of level `none` takes access away; it opens the section to no one.
      .filter((g) => g.sectionInstanceId === sectionId && g.level !== 'none')
      .map((g) => ({
        by: g.grantedBy as string,
        at: g.grantedAt,
        to: { kind: 'user', userId: g.userId, role: roleOf.get(g.userId) ?? null } as ShareTo,
        basis: 'toekenning' as const,
        level: g.level,
        until: null,
        withdrawnAt: null,
      })),
  ].filter((sh) => may(reader, 'hear-of-share', { givenBy: sh.by, to: sh.to }).ok);

  const moves = events
    .map((e) => ({ ...e, from: SectionStatus.parse(e.from_status), to: SectionStatus.parse(e.to_status) }))
    .filter((e) => !family || FAMILY_STATUS[e.from] !== FAMILY_STATUS[e.to]);
  const granteeUsers = shares.flatMap((sh) => (sh.to.kind === 'user' ? [sh.to.userId] : []));
  const nameOf = await d.directory.namesOf([...moves.map((e) => e.user_id), ...shares.map((sh) => sh.by), ...granteeUsers]);
  const organisationOf = await d.directory.organisationNamesOf(shares.flatMap((sh) => (sh.to.kind === 'organisation' ? [sh.to.organisationId] : [])));
  const personName = new Map(persons.map((p) => [p.id, p.name]));

  const withWhom = (to: ShareTo): string => {
    switch (to.kind) {
      case 'person':
        return personName.get(to.personId) ?? 'iemand die niet meer in de zaak is';
      case 'role':
        return `wie in deze zaak de rol ${roleInText(to.role)} heeft`;
      case 'organisation':
        return organisationOf(to.organisationId) ?? to.organisationId;
      case 'user':
        return to.role ? nameWithRole(nameOf(to.userId), to.role) : nameOf(to.userId);
    }
  };

  const statusMarks: StatusMark[] = moves.map((e) => ({
    kind: 'status',
    at: e.at,
    by: nameOf(e.user_id),
    from: e.from,
    to: e.to,
    reason: e.reason,
    versionId: versionAt(updates, e.at),
  }));
  const shareMarks: ShareMark[] = shares.map((sh) => ({
    kind: 'share',
    at: sh.at,
    by: nameOf(sh.by),
    with: withWhom(sh.to),
    basis: sh.basis,
    level: sh.level,
    until: sh.until,
    withdrawnAt: sh.withdrawnAt,
    versionId: versionAt(updates, sh.at),
  }));
  return [...statusMarks, ...shareMarks].sort((a, b) => a.at.localeCompare(b.at));
}
