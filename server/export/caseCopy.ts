import type { Confirmation } from '../../shared/api.ts';
import type { BlockAuthorship } from '../../shared/blocks/authorship.ts';
import type { Participant } from '../../shared/caseModel.ts';
import type { ReviewView } from '../../shared/review.ts';
import type { Role } from '../../shared/roles.ts';
import { visibleThreads } from '../comments/threadQueries.ts';
import { visibleConfirmations } from '../confirmations/confirmations.ts';
import { DomainError } from '../domainError.ts';
import { MeetingStore } from '../meetings/meetingStore.ts';
import { type CopiedMinutes, readerMinutesOf } from '../meetings/readerMinutes.ts';
import { attestedBlocks } from '../documents/attestedBlocks.ts';
import { readableSections } from '../access/sectionAccess.ts';
import type { Services } from '../services.ts';
import type { SectionChange } from '../store/caseStore.ts';
import { readerJSON } from '../documents/sectionContent.ts';
import type { ExportedSection } from './caseExport.ts';

/** A section as a court-grade copy carries it: its review state and who set each block. */
export interface CopiedSection extends ExportedSection {
  review: ReviewView;
  blocks: BlockAuthorship[];
  change: SectionChange & { byName: string | null };
}

/** Everything a copy of the file holds, gathered once for the HTML page or the PDF. */
export interface CaseCopy {
  caseId: string;
  caseTitle: string;
  region: string;
  /** ISO time the copy was made: it shows the file as it was then. */
  at: string;
  /** The person the copy was made for (and on whose request): the caller. */
  madeFor: { name: string; role: Role; organisation: string | null };
  sections: CopiedSection[];
  confirmations: Confirmation[];
  /** The minutes of every closed Tafel, as far as the reader may read them (server/meetings/readerMinutes.ts). */
  minutes: CopiedMinutes[];
}

/**
 * The sections the caller may read (the one policy, through `readableSections`), their content as
 * the reader sees it, the comments the caller may see, the confirmations on those sections and
 * the minutes of each Tafel without the lines about other sections. Nothing is read of a section
 * outside that list.
 */
export async function gatherCopy(s: Services, me: Participant, caseId: string): Promise<CaseCopy> {
  const row = await s.cases.caseById(caseId);
  if (!row) throw new DomainError('not_found', 'Niet gevonden.');
  const readable = await readableSections(s, me, caseId);
  const ids = readable.map((r) => r.section.id);
  const readableIds = new Set<string>(ids);
  const [threads, confirmations, changes, organisation, minutes] = await Promise.all([
    visibleThreads(s.comments, me, caseId, ids),
    visibleConfirmations(s, caseId, readable),
    s.cases.sectionChanges(caseId),
    s.directory.organisation(me.organisationId),
    readerMinutesOf(new MeetingStore(s.sql), caseId, (sectionId) => sectionId === null || readableIds.has(sectionId), (userIds) => s.directory.namesOf(userIds)),
  ]);
  const changedBy = await s.directory.namesOf([...changes.values()].flatMap((c) => (c.updatedBy ? [c.updatedBy] : [])));
  const sections = await Promise.all(
    readable.map(async ({ section, room }) => {
      const change = changes.get(section.id) ?? { updatedAt: null, updatedBy: null };
      const [nodes, review, blocks] = await Promise.all([
        // A section that cannot be shown (stored before a rule existed) gets a note, not the whole copy a 500.
        s.documents.readOr(room, s.log, (doc) => readerJSON(doc, room, s.log), null),
        s.review.view(caseId, section.id),
        attestedBlocks(s, room),
      ]);
      return {
        section,
        nodes,
        threads: threads.filter((t) => t.sectionId === section.id),
        review,
        blocks,
        change: { ...change, byName: change.updatedBy ? changedBy(change.updatedBy) : null },
      };
    }),
  );
  return {
    caseId,
    caseTitle: row.title,
    region: row.region,
    at: new Date().toISOString(),
    madeFor: { name: me.name, role: me.role, organisation: organisation?.name ?? null },
    sections,
    confirmations,
    minutes,
  };
}
