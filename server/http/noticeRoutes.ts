import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { atLeast } from '../../shared/caseModel.ts';
import { CommentVisibility } from '../../shared/comments.ts';
import { MarkRead, type Mentionable, type NoticeList, type NoticePreferences, PreferenceChange } from '../../shared/notices.ts';
import { readersOf } from '../notices/audience.ts';
import { markRead, noticesOf, preferencesOf, setPreferences } from '../notices/noticeStore.ts';
import type { Services } from '../services.ts';
import { HttpError, parse } from './errors.ts';
import { requireUser } from './requestContext.ts';
import { requireSection } from './sectionAccess.ts';

const MentionQuery = z.object({ visibility: CommentVisibility.default('iedereen') });

/**
 * "Meldingen": my notices, marking them read, my choice of e-mail per kind; and for the `@` list of
 * a comment, the people who may read that section (and that thread), nobody else.
 */
export function noticeRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/notices', async (req): Promise<NoticeList> => {
    const user = await requireUser(s, req);
    return noticesOf(s, user.id);
  });

  app.get('/api/notices/count', async (req): Promise<{ unread: number }> => {
    const user = await requireUser(s, req);
    return { unread: (await noticesOf(s, user.id)).unread };
  });

  app.post('/api/notices/read', async (req): Promise<NoticeList> => {
    const user = await requireUser(s, req);
    const body = parse(MarkRead, req.body ?? {});
    await markRead(s, user.id, body.ids);
    return noticesOf(s, user.id);
  });

  app.get('/api/notices/preferences', async (req): Promise<NoticePreferences> => {
    const user = await requireUser(s, req);
    return preferencesOf(s, user.id);
  });

  app.put('/api/notices/preferences', async (req): Promise<NoticePreferences> => {
    const user = await requireUser(s, req);
    return setPreferences(s, user.id, parse(PreferenceChange, req.body));
  });

  app.get('/api/cases/:caseId/sections/:sectionId/mentionable', async (req): Promise<Mentionable> => {
    const ctx = await requireSection(s, req);
    if (!atLeast(ctx.level, 'comment')) throw new HttpError(403, 'forbidden', 'Je mag dit onderdeel lezen, maar er niet op reageren.');
    const { visibility } = parse(MentionQuery, req.query, 'query');
    const readers = await readersOf(s, ctx.section, { professionalsOnly: visibility !== 'iedereen' });
    return { people: readers.filter((p) => p.userId !== ctx.me.userId).map((p) => ({ userId: p.userId, name: p.name, role: p.role })) };
  });
}
