import type { SectionContext } from '../access/sectionContext.ts';
import type { CommentVisibility } from '../../shared/comments.ts';
import { mentionedUserIds } from '../../shared/notices.ts';
import { DomainError } from '../domainError.ts';
import type { CaseStore } from '../store/caseStore.ts';
import type { SqlStore } from '../store/db.ts';
import { readersOf } from './audience.ts';
import { notify } from './notices.ts';

/**
 * Mentions in a comment (`@[Naam](u-id)`): refused before anything is written when one names
 * someone who may not read the section, or not the thread (a family member in a thread for
 * professionals); the refusal names nobody, so it tells nothing about who is in the case. Resolves
 * with what to call once the comment is stored: it tells each person named (not the writer).
 */
export async function checkMentions(
  s: { sql: SqlStore; cases: CaseStore },
  ctx: SectionContext,
  body: string,
  visibility: CommentVisibility,
): Promise<() => Promise<void>> {
  const ids = mentionedUserIds(body).filter((id) => id !== (ctx.me.userId as string));
  if (ids.length === 0) return async () => {};
  const readers = new Set<string>((await readersOf(s, ctx.section, { professionalsOnly: visibility !== 'iedereen' })).map((p) => p.userId));
  if (ids.some((id) => !readers.has(id))) {
    throw new DomainError(
      'invalid',
      visibility === 'iedereen'
        ? 'Je noemt iemand die dit onderdeel niet mag lezen. Kies alleen mensen uit de lijst.'
        : 'Je noemt iemand die deze opmerking voor professionals niet mag lezen. Kies alleen mensen uit de lijst.',
      'body',
    );
  }
  return async () => {
    for (const userId of ids) {
      await notify(s, { kind: 'genoemd', userId, caseId: ctx.caseId, sectionId: ctx.section.id, link: `/zaken/${ctx.caseId}` });
    }
  };
}
