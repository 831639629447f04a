import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { NewPerson, PersonCorrection, StartCase } from '../../shared/caseStart.ts';
import { PersonId } from '../../shared/ids.ts';
import { addPerson, correctPerson, mayManagePersons, personView, removePerson } from '../cases/casePersons.ts';
import { CloseCase } from '../../shared/caseClosing.ts';
import { caseRecord, closeCase } from '../cases/closeCase.ts';
import { caseStartOptions, mayStartCase, startCase } from '../cases/startCase.ts';
import type { Services } from '../services.ts';
import { CaseSetupStore, closingStore } from '../store/caseSetupStore.ts';
import { RetentionStore } from '../store/retentionStore.ts';
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

/** Starting a case, keeping its persons, closing it; the rules are in server/cases/. */
export function caseStartRoutes(app: FastifyInstance, s: Services): void {
  const closing = { closing: closingStore(s.sql), retention: new RetentionStore(s.sql), defaultYears: s.retentionYears, audit: s.audit, events: s.events, namesOf: (ids: Iterable<string>) => s.directory.namesOf(ids) };
  /** A closed case is read only: nobody adds, corrects or removes a person any more. */
  const open = async (caseId: string) => {
    if ((await closing.closing.record(caseId))?.closedAt) throw new HttpError(409, 'closed', 'Deze zaak is gesloten; er kan niets meer veranderen.');
  };
  const setup = new CaseSetupStore(s.sql);
  const starting = { directory: s.directory, setup, audit: s.audit };
  const persons = { cases: s.cases, setup, audit: s.audit, events: s.events, documents: s.documents };

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

  app.get('/api/cases/:caseId/persons', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    mayManagePersons(me);
    return (await s.cases.persons(caseId)).map(personView);
  });

  app.post('/api/cases/:caseId/persons', async (req, reply) => {
    const { me, caseId } = await requireParticipant(s, req);
    mayManagePersons(me);
    await open(caseId);
    return reply.status(201).send(await addPerson(persons, me, caseId, parseNamed(NewPerson, req.body)));
  });

  app.patch('/api/cases/:caseId/persons/:personId', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    mayManagePersons(me);
    await open(caseId);
    return correctPerson(persons, me, caseId, personParam(req), parseNamed(PersonCorrection, req.body));
  });

  app.delete('/api/cases/:caseId/persons/:personId', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    await open(caseId);
    return removePerson(persons, me, caseId, personParam(req));
  });

  app.get('/api/cases/:caseId/record', async (req) => {
    const { caseId } = await requireParticipant(s, req);
    return caseRecord(closing, caseId);
  });

  app.post('/api/cases/:caseId/close', async (req) => {
    const { me, caseId } = await requireParticipant(s, req);
    return closeCase(closing, me, caseId, parse(CloseCase, req.body));
  });
}
