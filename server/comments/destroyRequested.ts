import type { CommentAnchor } from '../../shared/comments.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { DomainError } from '../domainError.ts';
import { DestructionRefused, destroyStored } from '../history/destroyStored.ts';
import { anchorTouches, removalOf } from '../history/destruction.ts';
import type { Services } from '../services.ts';

type Refusal = DestructionRefused['problem'] | 'meer-alineas';

const REFUSAL: Record<Refusal, string> = {
  'meer-alineas': 'Deze tekst loopt over meer dan één alinea. Haal hem zelf weg uit het onderdeel; daarna kun je "Verwijderd" antwoorden.',
  'nog-aanwezig': 'Er staat nog iets van deze tekst in het onderdeel. Haal dat weg; daarna kun je "Verwijderd" antwoorden.',
  'niet-gevonden': 'De tekst van dit verzoek is niet te vinden in wat van dit onderdeel is opgeslagen.',
};

/**
 * Carries out "Verwijderd" on a removal request (Jeugdwet 7.3.9): takes the text out of the
 * section when it is still there (as an edit by the one who answers), destroys it in everything
 * stored of the section, clears the quote of every thread that points into it, and tells every
 * process that the section's history was rewritten. Refused (nothing destroyed) when the text
 * spans paragraphs, cannot be taken out, or is not in what is stored.
 */
export async function destroyRequested(s: Services, ctx: SectionContext, threadId: string, anchor: CommentAnchor): Promise<void> {
  const attempt = () => destroyStored(s.updateLog, ctx.room, anchor).catch((e: unknown) => (e instanceof DestructionRefused ? e.problem : Promise.reject(e)));
  let result = await attempt();
  if (result === 'nog-aanwezig') {
    const removal = await s.documents.read(ctx.room, (doc) => removalOf(anchor, doc));
    if (!removal) throw refused('meer-alineas');
    await s.documents.applyServerEdit(ctx.caseId, ctx.section.id, ctx.me, removal);
    result = await attempt();
  }
  if (typeof result === 'string') throw refused(result);
  const destroyed = result;
  await clearQuotes(s, ctx, (id, other) => id === threadId || anchorTouches(other, destroyed.found, destroyed.texts));
  s.history.forget(ctx.room);
  s.events.publish({ type: 'history-rewritten', caseId: ctx.caseId, room: ctx.room });
  s.events.publish({ type: 'case-changed', caseId: ctx.caseId, what: 'sections', sectionId: ctx.section.id });
}

/** Every thread on the section that `touched` picks (this request among them) loses its quote: the destroyed text is not kept there either. */
async function clearQuotes(s: Pick<Services, 'comments'>, ctx: SectionContext, touched: (threadId: string, anchor: CommentAnchor) => boolean): Promise<void> {
  // Professionals-only threads too: the destroyed text must go from every quote.
  const threads = await s.comments.threadsOn(ctx.caseId, [ctx.section.id], false);
  for (const t of threads) {
    if (touched(t.id, t.anchor)) await s.comments.setAnchor(ctx.caseId, t.id, { ...t.anchor, quote: '' });
  }
}

function refused(problem: Refusal): DomainError {
  return new DomainError('not_removed', REFUSAL[problem]);
}
