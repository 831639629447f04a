import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NewProfessional, ProfessionalChange } from '../../shared/directoryApi.ts';
import { OrganisationId } from '../../shared/ids.ts';
import { addProfessional, changeProfessional, keptDirectory, removeProfessional } from '../directory/directoryCommands.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { requireUser } from './requestContext.ts';

const Params = z.object({ organisationId: OrganisationId });
const ProfessionalParams = Params.extend({ userId: z.string().min(1).max(80) });

/**
 * An organisation's beheerder keeps its own part of the directory (server/directory/directoryCommands.ts
 * holds the rules): `GET /api/directory` lists what the caller keeps, the others change one professional.
 */
export function directoryRoutes(app: FastifyInstance, s: Services): void {
  const deps = { sql: s.sql, directory: s.directory, audit: s.audit, events: s.events };

  app.get('/api/directory', async (req) => {
    const user = await requireUser(s, req);
    return keptDirectory(deps, user.id);
  });

  app.post('/api/directory/:organisationId/professionals', async (req, reply) => {
    const user = await requireUser(s, req);
    const { organisationId } = parse(Params, req.params, 'params');
    const added = await addProfessional(deps, user.id, organisationId, parse(NewProfessional, req.body));
    return reply.status(201).send(added);
  });

  app.patch('/api/directory/:organisationId/professionals/:userId', async (req) => {
    const user = await requireUser(s, req);
    const { organisationId, userId } = parse(ProfessionalParams, req.params, 'params');
    await changeProfessional(deps, user.id, organisationId, userId, parse(ProfessionalChange, req.body));
    return { ok: true };
  });

  app.delete('/api/directory/:organisationId/professionals/:userId', async (req) => {
    const user = await requireUser(s, req);
    const { organisationId, userId } = parse(ProfessionalParams, req.params, 'params');
    await removeProfessional(deps, user.id, organisationId, userId);
    return { ok: true };
  });
}
