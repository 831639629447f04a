import { may } from '../../../shared/access/may.ts';
import type { AnyBlockData } from '../../../shared/blocks/fields.ts';
import type { BlockType } from '../../../shared/blocks/index.ts';
import type { Party } from '../../../shared/blocks/common.ts';
import { isFamilyRole } from '../../../shared/roles.ts';
import { useCase } from '../../state/caseContext.ts';

/** The user ids that may read a section, as the server said in the case (`visibleTo`). */
export function readersOfSection(visibleTo: readonly { userId?: string | undefined }[]): string[] {
  return visibleTo.flatMap((v) => (v.userId ? [v.userId] : []));
}

/**
 * The rule the server applies to an agreement's parties (`may(me, 'name-parties')`), for the block
 * form: why the parties it adds cannot be named in this section, or null. Parties the block named
 * before stay; only who is added counts, as on the server.
 */
export function usePartyRule(sectionId: string | undefined, initial: Record<string, unknown>): (type: BlockType, data: AnyBlockData) => string | null {
  const { detail } = useCase();
  const section = detail.sections.find((s) => s.id === sectionId);
  return (type, data) => {
    if (type !== 'afspraak' || !section) return null;
    const before = new Set(((initial.partijen ?? []) as Party[]).map((p) => p.userId));
    const added = (data as { partijen: Party[] }).partijen.filter((p) => !before.has(p.userId));
    const verdict = may(detail.me, 'name-parties', { parties: added, readers: readersOfSection(section.visibleTo) });
    return verdict.ok ? null : verdict.reason;
  };
}

/** What stands beside a party who cannot read the agreement's section; a professional also reads what to do. */
const CANNOT_CONFIRM = 'kan dit onderdeel niet lezen en dus niet akkoord geven';
const MOVE_IT = 'Zet de afspraak in een onderdeel dat deze persoon kan lezen.';

/**
 * Why a party (by user id) cannot confirm an agreement: they cannot read its section (named before
 * their access changed, or stored before the server refused that). Null when they can. The
 * regisseur sees it beside the name, with what to do about it.
 */
export function useCannotConfirm(sectionId: string): (userId: string | null) => string | null {
  const { detail } = useCase();
  const section = detail.sections.find((s) => s.id === sectionId);
  const readers = new Set(section ? readersOfSection(section.visibleTo) : []);
  const text = isFamilyRole(detail.me.role) ? `${CANNOT_CONFIRM}.` : `${CANNOT_CONFIRM}. ${MOVE_IT}`;
  return (userId) => (section !== undefined && userId !== null && !readers.has(userId) ? text : null);
}
