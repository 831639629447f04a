import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { NewPerson, PersonCorrection, StartCase } from '../../shared/caseStart.ts';
import { PersonId } from '../../shared/ids.ts';
import { addPerson, correctPerson, mayManagePersons, removePerson } from '../cases/casePersons.ts';
import { caseStartOptions, mayStartCase, startCase } from '../cases/startCase.ts';
import type { Services } from '../services.ts';
import { CaseSetupStore } from '../store/caseSetupStore.ts';
import { HttpError, parse } from './errors.ts';
import { requireParticipant, requireUser } from './requestContext.ts';

/**
 * Parses a body whose fields sit in a list (`persons.2.birthDate`): the message names the whole
 * path, `field` the field itself, as the contract asks ("`birthDate` for a date that does not exist").
 */
function parseNamed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const field = path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? 'body';
  throw new HttpError(400, 'invalid_input', `${path.join('.') || 'body'}: ${issue?.message ?? 'ongeldige invoer'}`, field);
}

const personParam = (req: { params: unknown }) => parse(PersonId, (req.params as { personId?: unknown }).personId, 'params');

/** Starting a case and keeping its persons; the rules are in server/cases/. */
export function caseStartRoutes(app: FastifyInstance, s: Services): void {
  const setup = new CaseSetupStore(s.sql);
  const starting = { directory: s.directory, setup, audit: s.audit };
  const persons = { cases: s.cases, setup, audit: s.audit, fanout: s.fanout, documents: s.documents };

  app.get('/api/case-start', async (req) => {
    const user = await requireUser(s, req);
    return caseStartOptions(starting, user.id);
  });

  app.post('/api/cases', async (req, reply) => {
    const user = await requireUser(s, req);
    // Who may not start a case hears that, not what was wrong with the form.
    const caller = await mayStartCase(starting, user.id);
    return reply.status(201).send(await startCase(starting, caller, parseNamed(StartCase, req.body)));
  });

  app.post('/api/cases/:caseId/persons', async (req, reply) => {
    const { me, caseId } = await requireParticipant(s, req);
    mayManagePersons(me);
    return reply.status(201).send(await addPerson(persons, me, caseId, parseNamed(NewPerson, req.body)));
  });

  app.patch('/api/cases/:caseId/persons/:personId', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    mayManagePersons(me);
    return correctPerson(persons, me, caseId, personParam(req), parseNamed(PersonCorrection, req.body));
  });

  app.delete('/api/cases/:caseId/persons/:personId', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    return removePerson(persons, me, caseId, personParam(req));
  });
}
