import type { FastifyInstance } from 'fastify';
import { SearchQuery, type SearchResults } from '../../shared/api.ts';
import { readSectionText } from '../search/sectionText.ts';
import { findMatches } from '../search/snippets.ts';
import { visibleThreads } from '../comments/threadQueries.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireParticipant } from './requestContext.ts';
import { readableSections } from './sectionAccess.ts';

const SNIPPETS_PER_SECTION = 3;

/**
 * `GET /api/cases/:caseId/search?q=`: where a word occurs in the sections the caller may read and
 * in the comments they may see, with a snippet around each match. Reads the live documents.
 */
export function searchRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/search', async (req): Promise<SearchResults> => {
    const { me, caseId } = await requireParticipant(s, req);
    const { q } = parse(SearchQuery, req.query, 'query');
    const readable = await readableSections(s, me, caseId);
    const threads = await visibleThreads(
      s.comments,
      me,
      caseId,
      readable.map((r) => r.section.id),
    );
    const hits = await Promise.all(
      readable.map(async ({ section, room }) => {
        // A section nested deeper than any editor writes is searched as flat text; one that cannot be read at all is skipped.
        const text = await readSectionText(s.documents, room, s.log, '');
        const inText = findMatches(`${section.title}\n${text}`, q, 'tekst', SNIPPETS_PER_SECTION);
        const comments = threads
          .filter((t) => t.sectionId === section.id)
          .flatMap((t) => t.comments)
          .map((c) => c.body)
          .join('\n');
        const inComments = findMatches(comments, q, 'opmerking', SNIPPETS_PER_SECTION - inText.snippets.length);
        return {
          sectionId: section.id,
          sectionTitle: section.title,
          matches: inText.matches + inComments.matches,
          snippets: [...inText.snippets, ...inComments.snippets],
        };
      }),
    );
    const found = hits.filter((h) => h.matches > 0);
    // What was searched for is not logged (it may itself be sensitive); that and how much was found is.
    await s.audit.record({ event: 'gezocht', caseId, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ secties: found.length, ...(me.emergency ? { noodtoegang: true } : {}) }) });
    return { query: q, hits: found };
  });
}
