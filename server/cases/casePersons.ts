import { may } from '../../shared/access/may.ts';
import { type CasePerson, type NewPerson, type PersonCorrection, type PersonRemoved, samePerson } from '../../shared/caseStart.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { type CaseId, newId, roomName, type SectionInstanceId } from '../../shared/ids.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import { catalogueEntry } from '../../shared/sections.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { DomainError } from '../domainError.ts';
import type { DomainEvents } from '../events/domainEvents.ts';
import type { CaseStore, PersonRow } from '../store/caseStore.ts';
import type { CaseSetupStore } from '../store/caseSetupStore.ts';
import type { SectionDocuments } from '../documents/sectionDocuments.ts';
import { API_KIND, personSectionTitle, STORED_KIND, type StoredPersonKind, sectionsAbout } from './caseSections.ts';

export interface CasePersonsDeps {
  cases: CaseStore;
  setup: CaseSetupStore;
  audit: AuditLog;
  events: DomainEvents;
  documents: SectionDocuments;
}

/** A person as the person routes answer. */
export function personView(p: PersonRow): CasePerson {
  return { id: p.id, name: p.name, kind: API_KIND[p.kind as StoredPersonKind] ?? 'netwerk', birthDate: p.birth_date, relation: p.relation };
}

/** Refuses (403) everyone but who may change the persons of the case: asked before the body is read. */
export function mayManagePersons(me: Participant): void {
  const verdict = may(me, 'manage-persons', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
}

const auditOf = (me: Participant, caseId: string) => ({ caseId, userId: me.userId, role: me.role, organisationId: me.organisationId });

/** Sections, access and the persons list changed: open sockets are re-checked, open pages re-read. */
function announce(d: CasePersonsDeps, caseId: string): void {
  d.events.publish({ type: 'access-changed', caseId });
  d.events.publish({ type: 'case-changed', caseId, what: 'sections' });
}

/** Adds a person later (a baby, a new partner, a neighbour); an adult gets a GGZ section, a child a health section. */
export async function addPerson(d: CasePersonsDeps, me: Participant, caseId: string, body: NewPerson): Promise<CasePerson> {
  mayManagePersons(me);
  const present = await d.cases.persons(caseId);
  if (present.some((p) => samePerson(body, { name: p.name, birthDate: p.birth_date }))) throw new DomainError('conflict', 'Deze persoon staat er al.', 'name');
  const person = { id: newId('p'), name: body.name, kind: STORED_KIND[body.kind], birth_date: body.birthDate ?? null, birth_year: body.birthDate ? Number(body.birthDate.slice(0, 4)) : null, relation: body.relation ?? null };
  const sections = sectionsAbout({ id: person.id, name: person.name, kind: person.kind });
  await d.setup.addPerson(caseId, person, sections);
  await d.audit.record({ ...auditOf(me, caseId), event: 'persoon-toegevoegd', detail: JSON.stringify({ persoon: person.id, soort: body.kind, onderdelen: sections.map((s) => s.id) }) });
  announce(d, caseId);
  return personView({ ...person, case_id: caseId, removed_at: null });
}

/** Corrects a name, birth date or relation; the titles of the person's sections follow the name. */
export async function correctPerson(d: CasePersonsDeps, me: Participant, caseId: string, personId: string, body: PersonCorrection): Promise<CasePerson> {
  mayManagePersons(me);
  const present = await d.cases.persons(caseId);
  const person = present.find((p) => p.id === personId);
  if (!person) throw new DomainError('not_found', 'Deze persoon hoort niet (meer) bij de zaak.');
  const name = body.name ?? person.name;
  const birthDate = body.birthDate === undefined ? person.birth_date : body.birthDate;
  if (present.some((p) => p.id !== personId && samePerson({ name, birthDate }, { name: p.name, birthDate: p.birth_date }))) throw new DomainError('conflict', 'Deze persoon staat er al.', 'name');
  if (person.kind === 'netwerk' && body.relation === null) throw new DomainError('invalid', 'Schrijf op wie dit is voor het gezin.', 'relation');
  const changes = {
    ...(body.name !== undefined ? { name } : {}),
    ...(body.birthDate !== undefined ? { birth_date: birthDate, birth_year: birthDate ? Number(birthDate.slice(0, 4)) : null } : {}),
    ...(body.relation !== undefined ? { relation: body.relation } : {}),
  };
  const sections = (await d.cases.sections(caseId)).filter((s) => s.subjectPersonId === personId && !s.archivedAt);
  const titles = new Map(body.name !== undefined ? sections.map((s) => [s.id as string, personSectionTitle(catalogueEntry(s.catalogueId), name)]) : []);
  if (!(await d.setup.correctPerson(caseId, personId, changes, titles))) throw new DomainError('not_found', 'Deze persoon hoort niet (meer) bij de zaak.');
  await d.audit.record({ ...auditOf(me, caseId), event: 'persoon-gewijzigd', detail: JSON.stringify({ persoon: personId, velden: Object.keys(body) }) });
  // A birth date decides when a young person's own rights begin, so access may change with it.
  announce(d, caseId);
  return personView({ ...person, ...changes });
}

/**
 * Takes a person out of the case. Their sections that hold anything are archived (read only,
 * kept, each logged), never dropped silently; untouched ones go.
 */
export async function removePerson(d: CasePersonsDeps, me: Participant, caseId: string, personId: string): Promise<PersonRemoved> {
  mayManagePersons(me);
  const theirs = (await d.cases.sections(caseId)).filter((s) => s.subjectPersonId === personId).map((s) => roomName(caseId as CaseId, s.id as SectionInstanceId));
  const live = new Set<string>();
  for (const doc of await d.documents.inMemory()) {
    if (!theirs.includes(doc.name)) continue;
    // What an open document accepted is stored first, so the check below sees it.
    await doc.settled();
    if (doc.doc.getXmlFragment(DOC_FIELD).length > 0) live.add(doc.name.slice(caseId.length + 1));
  }
  const result = await d.setup.removePerson(caseId, personId, new Date().toISOString(), live);
  if (!result) throw new DomainError('not_found', 'Deze persoon hoort niet (meer) bij de zaak.');
  await d.audit.record({ ...auditOf(me, caseId), event: 'persoon-verwijderd', detail: JSON.stringify({ persoon: personId, gearchiveerd: result.archived, vervallen: result.dropped }) });
  for (const sectionId of result.archived) {
    await d.audit.record({ ...auditOf(me, caseId), event: 'sectie-gearchiveerd', sectionId, detail: JSON.stringify({ persoon: personId }) });
  }
  announce(d, caseId);
  return result;
}
