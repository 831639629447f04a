import { may } from '../../shared/access/may.ts';
import type { Confirmation } from '../../shared/api.ts';
import type { Afspraak } from '../../shared/blocks/index.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { DomainError } from '../domainError.ts';
import type { Services } from '../services.ts';
import { blocksOf } from '../documents/sectionContent.ts';

/**
 * Confirmations on the sections the caller may read (from `readableSections`), with the names of
 * who confirmed; the rows of other sections are never read out.
 */
export async function visibleConfirmations(s: Pick<Services, 'confirmations' | 'directory'>, caseId: string, readable: readonly Pick<SectionContext, 'section'>[]): Promise<Confirmation[]> {
  const rows = await s.confirmations.onSections(
    caseId,
    readable.map((r) => r.section.id),
  );
  const nameOf = await s.directory.namesOf(rows.map((r) => r.userId));
  return rows.map((r) => ({ ...r, name: nameOf(r.userId) }));
}

/**
 * A party confirms a safety agreement (`afspraak`) they are named in, with only read access to its
 * section: the confirmation is a row (who, when), not a document change. An agreement that is not
 * in the section is not found. Open pages in every process are told.
 */
export async function confirmAgreement(s: Pick<Services, 'confirmations' | 'documents' | 'events'>, ctx: SectionContext, blockId: string): Promise<Confirmation> {
  const { me, caseId, section, room } = ctx;
  const block = await s.documents.read(room, (doc) => blocksOf(doc).find((b) => b.type === 'afspraak' && b.data.id === blockId));
  if (!block) throw new DomainError('not_found', 'Niet gevonden.');
  const afspraak = block.data as Afspraak;
  const verdict = may(me, 'confirm-agreement', { parties: afspraak.partijen });
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  const confirmation = { sectionId: section.id, blockId: afspraak.id, userId: me.userId, at: new Date().toISOString() };
  await s.confirmations.add(caseId, confirmation);
  s.events.publish({ type: 'case-changed', caseId, what: 'confirmations', sectionId: section.id });
  return { ...confirmation, name: me.name };
}
