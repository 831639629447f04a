import type { FastifyInstance } from 'fastify';
import type { BlockAuthorship } from '../../shared/blocks/authorship.ts';
import { attestedBlocks } from '../documents/attestedBlocks.ts';
import type { Services } from '../services.ts';
import { requireSection } from './sectionAccess.ts';

export function authorshipRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/cases/:caseId/sections/:sectionId/blocks', async (req): Promise<BlockAuthorship[]> => {
    const { room } = await requireSection(s, req);
    return attestedBlocks(s, room);
  });
}
