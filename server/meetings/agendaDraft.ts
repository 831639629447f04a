import { Besluit } from '../../shared/blocks/besluit.ts';
import { dateInNetherlands } from '../../shared/calendar/isoDate.ts';
import type { Participant } from '../../shared/caseModel.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import type { AgendaItem } from '../../shared/meetings.ts';
import { buildOverview } from '../../shared/overview.ts';
import { readableSections } from '../access/sectionAccess.ts';
import type { Services } from '../services.ts';
import { blocksOf } from '../documents/sectionContent.ts';

/**
 * Whether a change came after the last Tafel: the end of the last one held in the app, or else
 * the day of the latest decision in the besluit section (a Tafel held before the app knew of it);
 * without either, every change counts.
 */
function lastTafel(endedAt: string | null, contents: readonly { blocks: readonly { type: string; data: unknown }[] }[]): (updatedAt: string) => boolean {
  if (endedAt) return (updatedAt) => updatedAt > endedAt;
  const days = contents.flatMap((c) => c.blocks.flatMap((b) => (b.type === 'besluit' ? (Besluit.safeParse(b.data).data?.datum ?? []) : [])));
  const day = days.sort().at(-1);
  return day ? (updatedAt) => dateInNetherlands(new Date(updatedAt)) > day : () => true;
}

/** The kinds of a section's item, the most pressing first: that one heads the item. */
const SECTION_KINDS = ['acties', 'afspraken', 'review', 'wijzigingen'] as const;
const ID_PREFIX = { acties: 'actie', afspraken: 'afspr', review: 'review', wijzigingen: 'wijz' } as const;
/** Said before a line of another kind than the item's heading; a change and a review say it themselves. */
const LINE_PREFIX = { acties: 'Actie te laat: ', afspraken: 'Lopende afspraak: ', review: '', wijzigingen: '' } as const;

/** Fixed time of the opening, the decision and the close; the rest is shared among the other items. */
const FIXED = { opening: 5, besluit: 15, afsluiting: 5 } as const;

/**
 * Drafts the agenda of a Tafel from the analysis as `me` (the regisseur) may read it: per section
 * what changed since the last Tafel (`since`: when the last one ended), open agreements and overdue actions, the latest
 * scaling scores of each party side by side, sections in review; then the decision. Every item
 * drawn from a section names that section, so a reader who may not read it never sees the item.
 */
export async function draftAgenda(s: Services, me: Participant, caseId: string, since: string | null, durationMinutes: number): Promise<AgendaItem[]> {
  const readable = await readableSections(s, me, caseId);
  const changes = await s.cases.sectionChanges(caseId);
  const names = await s.directory.namesOf([...changes.values()].flatMap((c) => c.updatedBy ?? []));
  const contents = await Promise.all(
    readable.map(async ({ section, room }) => ({ sectionId: section.id, sectionTitle: section.title, blocks: await s.documents.readOr(room, s.log, blocksOf, []) })),
  );
  const today = dateInNetherlands(new Date());
  const plan = buildOverview(contents, [], today);
  const items: Omit<AgendaItem, 'minutes'>[] = [];
  const add = (item: Omit<AgendaItem, 'minutes' | 'scores'> & { scores?: AgendaItem['scores'] }) => items.push({ scores: [], ...item });

  // One item per section, named by it: what changed, overdue actions, open agreements and a review
  // of the same section are lines of that one item, so the table never meets a title twice.
  const changedSince = lastTafel(since, contents);
  for (const { section } of readable) {
    const lines: Record<'wijzigingen' | 'acties' | 'afspraken' | 'review', string[]> = { wijzigingen: [], acties: [], afspraken: [], review: [] };
    const change = changes.get(section.id);
    if (change?.updatedAt && changedSince(change.updatedAt)) {
      const who = change.updatedBy ? ` door ${names(change.updatedBy)}` : '';
      lines.wijzigingen.push(`Laatst veranderd op ${formatDateTime(change.updatedAt)}${who}.`);
    }
    lines.acties = plan.acties.filter((a) => a.sectionId === section.id && a.overdue).map((a) => `${a.taak} (${a.eigenaar}, klaar op ${formatDate(a.deadline)})`);
    lines.afspraken = plan.afspraken
      .filter((a) => a.sectionId === section.id && a.status === 'open')
      .map((a) => `${a.wat} (${a.wie}${a.deadline ? `, uiterlijk ${formatDate(a.deadline)}` : ''}${a.overdue ? ', te laat' : ''})`);
    if (section.status === 'review') lines.review.push('De gedragswetenschapper kijkt het nog na.');
    // The heading is the most pressing reason to discuss the section.
    const kind = SECTION_KINDS.find((k) => lines[k].length > 0);
    if (!kind) continue;
    const points = (['wijzigingen', 'acties', 'afspraken', 'review'] as const)
      .flatMap((k) => lines[k].map((line) => (k === kind ? line : `${LINE_PREFIX[k]}${line}`).slice(0, 300)))
      .slice(0, 30);
    add({ id: `item-${ID_PREFIX[kind]}-${section.id}`, kind, title: section.title, sectionId: section.id, points });
  }
  for (const q of plan.schaalvragen) {
    add({
      id: `item-schaal-${q.sectionId}-${q.id}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 65),
      kind: 'schaalvraag',
      title: q.vraag,
      sectionId: q.sectionId,
      points: q.scores.map((sc) => `${sc.partij}: ${sc.reden}`),
      scores: q.scores.map((sc) => ({ partij: sc.partij, score: sc.score, vorigeScore: sc.vorigeScore })),
    });
  }
  const besluit = readable.find((r) => r.section.catalogueId === 'besluit');
  const middle = items.length;
  const spare = Math.max(0, durationMinutes - FIXED.opening - FIXED.besluit - FIXED.afsluiting);
  const each = middle === 0 ? 0 : Math.max(2, Math.floor(spare / middle));
  return [
    { id: 'item-opening', kind: 'opening', title: 'Opening en kennismaking', sectionId: null, minutes: FIXED.opening, points: ['Wie is er, en wat doen we vandaag?'], scores: [] },
    ...items.map((i) => ({ ...i, minutes: each })),
    {
      id: 'item-besluit',
      kind: 'besluit',
      title: 'Besluit van de Raad',
      sectionId: besluit?.section.id ?? null,
      minutes: FIXED.besluit,
      points: ['Vrijwillig verder, verder met drang, of een raadsonderzoek.'],
      scores: [],
    },
    { id: 'item-afsluiting', kind: 'anders', title: 'Afspraken en afsluiting', sectionId: null, minutes: FIXED.afsluiting, points: ['Wat gaat naar het gezin, en wanneer is de volgende tafel?'], scores: [] },
  ];
}
