import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CaseId, OrganisationId } from '../../shared/ids.ts';
import { DestructionAnswer, HoldChange, NewDestructionRequest, RetentionTermChange } from '../../shared/retention.ts';
import { answerRequest, fileRequest, listRequests } from '../cases/destructionRequests.ts';
import { holdAsKeeper, holdAsRegisseur } from '../cases/legalHold.ts';
import { organisationTerm, setOrganisationTerm } from '../cases/retentionTerm.ts';
import { mailQueueOf } from '../mail/mailQueue.ts';
import type { Services } from '../services.ts';
import { closingStore } from '../store/caseSetupStore.ts';
import { RetentionStore } from '../store/retentionStore.ts';
import { parse } from './errors.ts';
import { requireParticipant, requireUser } from './requestContext.ts';

const RequestParams = z.object({ requestId: z.string().min(1).max(80) });
const OrganisationParams = z.object({ organisationId: OrganisationId });
const KeeperHoldParams = OrganisationParams.extend({ caseId: CaseId });

/**
 * Keeping and destroying a case (rules in server/cases/): the family's destruction requests and
 * their answer, a legal hold by the regisseur or a beheerder, and an organisation's own term.
 */
export function retentionRoutes(app: FastifyInstance, s: Services): void {
  const retention = new RetentionStore(s.sql);
  const closing = closingStore(s.sql);
  const base = { sql: s.sql, closing, retention, audit: s.audit, events: s.events, defaultYears: s.retentionYears };
  const requests = { ...base, cases: s.cases, namesOf: (ids: Iterable<string>) => s.directory.namesOf(ids), mail: mailQueueOf(s) };
  const holds = { ...base, directory: s.directory };

  app.get('/api/cases/:caseId/destruction-requests', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    return listRequests(requests, me, caseId);
  });

  app.post('/api/cases/:caseId/destruction-requests', async (req, reply) => {
    const { me, caseId } = await requireParticipant(s, req);
    return reply.status(201).send(await fileRequest(requests, me, caseId, parse(NewDestructionRequest, req.body ?? {})));
  });

  app.post('/api/cases/:caseId/destruction-requests/:requestId/answer', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    const { requestId } = parse(RequestParams, req.params, 'params');
    const answered = await answerRequest(requests, me, caseId, requestId, parse(DestructionAnswer, req.body));
    return answered ?? { destroyed: true };
  });

  for (const [method, on] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method,
      url: '/api/cases/:caseId/hold',
      handler: async (req) => {
        const { me, caseId } = await requireParticipant(s, req);
        await holdAsRegisseur(holds, me, caseId, on, parse(HoldChange, req.body));
        return { ok: true };
      },
    });
    app.route({
      method,
      url: '/api/directory/:organisationId/holds/:caseId',
      handler: async (req) => {
        const user = await requireUser(s, req);
        const { organisationId, caseId } = parse(KeeperHoldParams, req.params, 'params');
        await holdAsKeeper(holds, user.id, organisationId, caseId, on, parse(HoldChange, req.body));
        return { ok: true };
      },
    });
  }

  app.get('/api/directory/:organisationId/retention', async (req) => {
    const user = await requireUser(s, req);
    const { organisationId } = parse(OrganisationParams, req.params, 'params');
    return organisationTerm(holds, user.id, organisationId);
  });

  app.put('/api/directory/:organisationId/retention', async (req) => {
    const user = await requireUser(s, req);
    const { organisationId } = parse(OrganisationParams, req.params, 'params');
    return setOrganisationTerm(holds, user.id, organisationId, parse(RetentionTermChange, req.body));
  });
}
