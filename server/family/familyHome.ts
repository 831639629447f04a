import { atLeast, type Participant } from '../../shared/caseModel.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import { replacedOn } from '../../shared/decisionStanding.ts';
import { type FamilyDecision, type FamilyHome, type HelpContact, myTasks, newSince } from '../../shared/familyHome.ts';
import { buildOverview, type OverviewSection } from '../../shared/overview.ts';
import { isFamilyRole, type Role } from '../../shared/roles.ts';
import { FAMILY_STATUS } from '../../shared/statusLabels.ts';
import type { SectionContext } from '../access/sectionContext.ts';
import { visibleConfirmations } from '../confirmations/confirmations.ts';
import { contactDetailsOf } from '../directory/contactDetails.ts';
import { attestedBlocks } from '../documents/attestedBlocks.ts';
import type { Services } from '../services.ts';
import { besluitBlocks } from './decidedOn.ts';
import { blocksOf } from '../documents/sectionContent.ts';

/**
 * The family's home page for one reader, from the sections they may read (`readable`, decided by
 * `accessFor` before this is called) and nothing else: the decision, my tasks, what is new since
 * `since`, and the fixed contact person of each organisation in the case.
 */
export async function familyHomeFor(s: Services, me: Participant, caseId: string, readable: readonly SectionContext[], since: string | null): Promise<FamilyHome> {
  const today = dateInNetherlands(new Date());
  const sections = await Promise.all(
    readable.map(async (r) => ({
      ctx: r,
      blocks: await s.documents.readOr(r.room, s.log, blocksOf, []),
      authors: await attestedBlocks(s, r.room),
    })),
  );
  const overviewInput: OverviewSection[] = sections.map(({ ctx, blocks, authors }) => ({
    sectionId: ctx.section.id,
    sectionTitle: ctx.section.title,
    blocks,
    authors: Object.fromEntries(authors.flatMap((b) => (b.insertedBy ? [[b.blockId, b.insertedBy]] : []))),
  }));
  const confirmations = await visibleConfirmations(s, caseId, readable);
  const items = buildOverview(overviewInput, confirmations, today);

  const decisions: Omit<FamilyDecision, 'replacedOn'>[] = [];
  // The review of each besluit section, read once however many decisions it holds.
  const reviews = new Map<string, ReturnType<Services['review']['view']>>();
  for (const { ctx, block, author, decided } of besluitBlocks(sections)) {
    if (!reviews.has(ctx.section.id)) reviews.set(ctx.section.id, s.review.view(caseId, ctx.section.id));
    const review = await reviews.get(ctx.section.id)!;
    const organisation = author ? await s.directory.organisation(author.organisationId) : undefined;
    decisions.push({
      sectionId: ctx.section.id,
      blockId: block.id,
      keuze: block.keuze,
      onderbouwing: block.onderbouwing,
      datum: block.datum,
      aanwezig: block.aanwezig,
      decided,
      status: review.status,
      familyStatus: FAMILY_STATUS[review.status],
      author,
      authorOrganisation: organisation?.name ?? null,
      reactionUntil: review.reactionUntil,
      reactIn: reactionPlace(readable, ctx, me),
    });
  }
  // The one that applies now on top, then the older ones, newest first.
  const replaced = replacedOn(decisions);
  const standing: FamilyDecision[] = decisions.map((d, i) => ({ ...d, replacedOn: replaced[i] ?? null }));
  const rank = (d: FamilyDecision) => (d.decided && d.replacedOn === null ? 0 : 1);
  standing.sort((a, b) => rank(a) - rank(b) || (a.datum < b.datum ? 1 : a.datum > b.datum ? -1 : 0));

  const changes = await s.cases.sectionChanges(caseId);
  const changed = readable.map((r) => ({ sectionId: r.section.id, sectionTitle: r.section.title, ...(changes.get(r.section.id) ?? { updatedAt: null, updatedBy: null }) }));
  const nameOf = await s.directory.namesOf(changed.flatMap((c) => c.updatedBy ?? []));

  return {
    today,
    lastVisit: since,
    decisions: standing,
    tasks: myTasks(items, { userId: me.userId, personId: me.personId, name: me.name }),
    news: newSince(changed, since, me.userId, nameOf),
    contacts: await contactsOf(s, caseId),
  };
}

/**
 * Where the reader reacts to a decision: their own reaction (a parent's `reactie-besluit`, a young
 * person's `reactie-jeugdige`, which only they write), else the family's reaction section if they may write or comment there, else
 * the decision itself.
 */
function reactionPlace(readable: readonly SectionContext[], decision: SectionContext, me: Participant): string | null {
  const mine = readable.find((r) => OWN_REACTIONS.has(r.section.catalogueId) && r.section.subjectPersonId === me.personId && r.level === 'edit');
  if (mine) return mine.section.id;
  const own = readable.find((r) => r.section.catalogueId === 'reactie-gezin' && atLeast(r.level, 'comment'));
  if (own) return own.section.id;
  return atLeast(decision.level, 'comment') ? decision.section.id : null;
}

const OWN_REACTIONS = new Set<string>(['reactie-besluit', 'reactie-jeugdige']);

/** Which professional is an organisation's fixed contact when several of it take part: the one who directs the case first. */
const CONTACT_ORDER: readonly Role[] = ['regisseur', 'gi', 'veilig_thuis', 'raad'];

/** One contact per organisation in the case: its professional there (not the reviewing gedragswetenschapper). */
async function contactsOf(s: Services, caseId: string): Promise<HelpContact[]> {
  const participants = (await s.cases.participants(caseId)).filter((p) => !p.emergency && !isFamilyRole(p.role) && CONTACT_ORDER.includes(p.role));
  participants.sort((a, b) => CONTACT_ORDER.indexOf(a.role) - CONTACT_ORDER.indexOf(b.role));
  const details = await contactDetailsOf(s.sql, participants.map((p) => p.userId));
  const seen = new Set<string>();
  const contacts: HelpContact[] = [];
  for (const p of participants) {
    if (seen.has(p.organisationId)) continue;
    seen.add(p.organisationId);
    const organisation = await s.directory.organisation(p.organisationId);
    const reach = details.get(p.userId);
    contacts.push({ organisation: organisation?.name ?? p.organisationId, name: p.name, role: p.role, phone: reach?.phone ?? null, workingDays: reach?.workingDays ?? [] });
  }
  return contacts;
}
