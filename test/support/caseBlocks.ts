import * as Y from 'yjs';
import { type CaseId, OrganisationId, roomName, type SectionInstanceId, UserId } from '../../shared/ids.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { RunningTafel } from './tafelServer.ts';

const EVA = { userId: UserId.parse('regisseur'), name: 'Eva Jansen', role: 'regisseur', organisationId: OrganisationId.parse('lokaal-team-almere') } as const;

/** Appends a safety-plan block to a section of any case, stored by the server on Eva's behalf. */
export async function appendBlock(server: RunningTafel, caseId: string, sectionId: string, type: 'actie' | 'afspraak', data: Record<string, unknown>): Promise<void> {
  const { documents } = server.tafel.services;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, await documents.read(roomName(caseId as CaseId, sectionId as SectionInstanceId), (live) => Y.encodeStateAsUpdate(live)));
  const before = Y.encodeStateVector(copy);
  const block = new Y.XmlElement(type);
  block.setAttribute('data', data as never);
  copy.getXmlFragment(DOC_FIELD).push([block]);
  await documents.applyServerEdit(caseId, sectionId, EVA, Y.encodeStateAsUpdate(copy, before));
}

/** An open action (`actie` block). */
export const actie = (id: string, taak: string, eigenaar: string, deadline: string) => ({ id, taak, eigenaar, deadline, status: 'open', levensgebied: 'ggz' });

/** A running agreement (`afspraak` block) of these parties. */
export const afspraak = (id: string, wat: string, deadline: string, partijen: { naam: string; personId: string | null; userId: string | null }[]) => ({
  id,
  wat,
  wie: partijen.map((p) => p.naam).join(' en '),
  vanaf: '2024-12-01',
  deadline,
  controle: 'We vragen het na.',
  alsNiet: 'We praten erover.',
  status: 'open',
  partijen,
  toelichting: '',
});

/** The id of a case's section of this catalogue entry, as the regisseur's case page lists it. */
export async function sectionOf(http: string, cookie: string, caseId: string, catalogueId: string): Promise<string> {
  const res = await fetch(`${http}/api/cases/${caseId}`, { headers: { cookie } });
  const { sections } = (await res.json()) as { sections: { id: string; catalogueId: string }[] };
  const found = sections.find((s) => s.catalogueId === catalogueId);
  if (!found) throw new Error(`no ${catalogueId} section in ${caseId}`);
  return found.id;
}
