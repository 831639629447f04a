import * as Y from 'yjs';
import { may } from '../../shared/access/may.ts';
import { Besluit } from '../../shared/blocks/besluit.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { newId } from '../../shared/ids.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { type DecisionInput, heldOn, type Minutes, presentNames } from '../../shared/meetings.ts';
import { DOC_FIELD } from '../../shared/protocol.ts';
import type { z } from 'zod';
import { attestFields } from '../documents/attestedFields.ts';
import { DomainError } from '../domainError.ts';
import { noticeDecision, noticeMinutes } from '../notices/events.ts';
import { readableSections, sectionFor } from '../access/sectionAccess.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { announce, type MeetingDeps } from './meetingCommands.ts';
import type { MeetingRow } from './meetingStore.ts';

/**
 * The Raad records the decision of the Tafel. The server writes the `besluit` block into the case's
 * besluit section as an edit on the Raad member's behalf (their own client id, so the block reads
 * "Vastgelegd door" them, attested by the server), with "aanwezig" filled from the attendance the
 * chair recorded: nobody types who was there. Once recorded, the attendance no longer changes.
 */
export async function recordDecision({ s, store }: MeetingDeps, me: Participant, m: MeetingRow, input: z.infer<typeof DecisionInput>): Promise<void> {
  const verdict = may(me, 'record-decision', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  if (m.status !== 'bezig') throw new DomainError('conflict', m.status === 'gepland' ? 'Het besluit volgt tijdens de tafel.' : 'Deze tafel is al afgerond.');
  if (m.decision) throw new DomainError('conflict', 'Het besluit van deze tafel is al vastgelegd.');
  const invitees = await store.invitees(m.id);
  const aanwezig = presentNames(invitees);
  if (aanwezig.length === 0) throw new DomainError('conflict', 'Leg eerst vast wie er aanwezig is.');
  const sections = await s.cases.sections(m.caseId);
  const besluit = sections.find((x) => x.catalogueId === 'besluit');
  if (!besluit) throw new DomainError('not_found', 'Deze zaak heeft geen onderdeel voor het besluit.');
  const ctx = await sectionFor(s, me, m.caseId, besluit.id);
  if (ctx.level !== 'edit') throw new DomainError('forbidden', 'Je mag het onderdeel Besluit niet bewerken.');
  // Dated on the day the Tafel was held, which may be later than the day it was planned for.
  const datum = heldOn(m) ?? dateInNetherlands(s.now());
  const data = Besluit.parse({ id: newId('besluit'), keuze: input.keuze, onderbouwing: input.onderbouwing, datum, aanwezig, reactieSectie: null });
  // "aanwezig" and the date are the server's, noted with the block: no later edit in the section changes them.
  const update = await s.documents.read(ctx.room, (live) => appendBlock(live, 'besluit', data, { aanwezig: data.aanwezig, datum: data.datum }));
  const recordedAt = s.now().toISOString();
  // Stored first, guarded: of two decisions at once only one is written into the section.
  if (!(await store.setDecision(m.id, { blockId: data.id, sectionId: besluit.id, keuze: data.keuze, onderbouwing: data.onderbouwing, aanwezig, recordedBy: me.userId, recordedAt }))) {
    throw new DomainError('conflict', 'Het besluit van deze tafel is al vastgelegd.');
  }
  try {
    await s.documents.applyServerEdit(m.caseId, besluit.id, me, update);
  } catch (e) {
    await store.undoDecision(m.id);
    throw e;
  }
  await s.audit.record({ event: 'sectie-bewerkt', caseId: m.caseId, sectionId: besluit.id, userId: me.userId, role: me.role, organisationId: me.organisationId, detail: JSON.stringify({ tafel: m.id, besluit: data.id }) });
  announce(s, m.caseId);
  await noticeDecision(s.sql, m.caseId, m.id, besluit.id, me.userId);
}

/**
 * The update that appends one block at the end of a document, with the fields the server attests,
 * made on a copy with a client id of its own.
 */
function appendBlock(live: Y.Doc, type: string, data: { id: string }, attested: Record<string, unknown>): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => {
    const block = new Y.XmlElement(type);
    block.setAttribute('data', data as unknown as string);
    const fragment = copy.getXmlFragment(DOC_FIELD);
    fragment.insert(fragment.length, [block]);
    attestFields(copy, data.id, attested);
  });
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

/** Whether the besluit block in the section still names exactly the attendance it was filled from. */
export async function decisionMatches(deps: MeetingDeps, m: MeetingRow): Promise<boolean> {
  const d = m.decision;
  if (!d) return false;
  const room = `${m.caseId}/${d.sectionId}`;
  return deps.s.documents.read(room, (doc) => {
    for (const node of doc.getXmlFragment(DOC_FIELD).createTreeWalker(() => true)) {
      if (!(node instanceof Y.XmlElement) || node.nodeName !== 'besluit') continue;
      const parsed = Besluit.safeParse(node.getAttribute('data'));
      if (parsed.success && parsed.data.id === d.blockId) return JSON.stringify(parsed.data.aanwezig) === JSON.stringify(d.aanwezig);
    }
    return false;
  });
}

/**
 * Closes the Tafel: the minutes are made from agenda, notes, attendance and decision and stored with
 * the meeting; the sections the chair marks move to `gedeeld` through the review service (only an
 * approved section can), which starts the family's reaction period at once and tells the family
 * who may read it (its notice comes from the review service, once per sharing).
 */
export async function closeMeeting(deps: MeetingDeps, me: Participant, m: MeetingRow, share: readonly string[]): Promise<void> {
  const { s, store } = deps;
  const verdict = may(me, 'chair-meeting', null);
  if (!verdict.ok) throw new DomainError('forbidden', verdict.reason);
  if (m.status !== 'bezig') throw new DomainError('conflict', m.status === 'gepland' ? 'Deze tafel is nog niet begonnen.' : 'Deze tafel is al afgerond.');
  const readable = new Map<string, SectionContext>((await readableSections(s, me, m.caseId)).map((r) => [r.section.id, r]));
  const marked = [...new Set(share)].map((id) => readable.get(id));
  if (marked.some((x) => !x)) throw new DomainError('invalid', 'Dit onderdeel bestaat niet in de zaak.', 'share');
  const notApproved = marked.find((x) => x!.section.status !== 'goedgekeurd');
  if (notApproved) throw new DomainError('conflict', `${notApproved.section.title} is nog niet goedgekeurd; alleen een goedgekeurd onderdeel gaat naar het gezin.`);
  const at = s.now().toISOString();
  // Closed first: a second close at the same moment finds it closed and shares nothing twice.
  await store.moveTo(m.id, m.current, null, at);
  if (!(await store.setStatus(m.id, 'bezig', 'afgerond', at))) throw new DomainError('conflict', 'Deze tafel is net afgerond.');
  const shared: Minutes['shared'] = [];
  for (const ctx of marked) {
    // A section changed since the check (its approval withdrawn) stays with the professionals; the minutes are made anyway.
    try {
      const view = await s.review.move(me, ctx!.section, ctx!.level, { to: 'gedeeld', reason: `Gedeeld na de Jeugdbeschermingstafel van ${heldOn(m) ?? m.date}` });
      shared.push({ sectionId: ctx!.section.id, title: ctx!.section.title, reactionUntil: view.reactionUntil });
    } catch (e) {
      s.log(`tafel ${m.id}: section ${ctx!.section.id} not shared`, e);
    }
  }
  const [items, invitees] = await Promise.all([store.items(m.id), store.invitees(m.id)]);
  await store.setMinutes(m.id, {
    madeAt: at,
    attendance: invitees.map((i) => ({ name: i.name, role: i.role, presence: i.presence })),
    items: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, sectionId: i.sectionId, note: i.note })),
    shared,
  });
  announce(s, m.caseId);
  await noticeMinutes(s.sql, m.caseId, m.id, invitees.map((i) => i.userId), me.userId);
}
