import { z } from 'zod';
import { formatDate } from './format.ts';
import { labelledEnum } from './labelledEnum.ts';
import { isFamilyRole, Role } from './roles.ts';

/**
 * Notices ("Meldingen"): what a person is told, in the app and by e-mail. A notice names its kind, a
 * date where the kind has one and a link, never case content: the text below is all it says, so it
 * is safe in a mail someone else in the house may read, and the link checks access when opened.
 */
export const NoticeKind = z.enum([
  'uitgenodigd',
  'tafel-uitgenodigd',
  'reactie-gevraagd',
  'review-gevraagd',
  'goedkeuring-vervallen',
  'reactie-eindigt',
  'termijn',
  'bevestiging-gevraagd',
  'genoemd',
  'toestemming-eindigt',
  'vernietiging-gevraagd',
  'vernietiging-beantwoord',
  'besluit-vastgelegd',
  'verslag-klaar',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

/**
 * Per kind: its name in the settings, and the sentence of the notice (B1; `until` is a `YYYY-MM-DD`,
 * `time` the `HH:MM` of a conversation, where the kind has one).
 */
export const NOTICE_KINDS: Record<NoticeKind, { label: string; text: (until: string | null, time?: string | null) => string; defaultDelivery: NoticeDelivery }> = {
  uitgenodigd: { label: 'Uitgenodigd voor een gezin', text: () => 'Je bent uitgenodigd om mee te doen in Tafel.', defaultDelivery: 'direct' },
  'tafel-uitgenodigd': {
    label: 'Uitgenodigd voor een gesprek (Jeugdbeschermingstafel)',
    text: (until, time) => (until ? `Je bent uitgenodigd voor een gesprek op ${formatDate(until)}.${time ? ` Het begint om ${time} uur.` : ''}` : 'Je bent uitgenodigd voor een gesprek.'),
    defaultDelivery: 'direct',
  },
  'reactie-gevraagd': {
    label: 'Een stuk klaar voor jouw reactie',
    text: (until) => (until ? `Er staat een stuk voor je klaar. Je kunt erop reageren tot en met ${formatDate(until)}.` : 'Er staat een stuk voor je klaar. Je kunt erop reageren.'),
    defaultDelivery: 'direct',
  },
  'review-gevraagd': {
    label: 'Een onderdeel wacht op jouw review',
    text: () => 'Er is een onderdeel ter review aangeboden. Kijk of je het kunt goedkeuren.',
    defaultDelivery: 'direct',
  },
  'goedkeuring-vervallen': {
    label: 'Jouw goedkeuring is vervallen door een wijziging',
    text: () => 'Je goedkeuring van een onderdeel is vervallen door een wijziging. Het wacht weer op review.',
    defaultDelivery: 'direct',
  },
  'reactie-eindigt': {
    label: 'Reageren kan bijna niet meer',
    text: (until) => (until ? `Je kunt nog reageren tot en met ${formatDate(until)}.` : 'Je kunt nog maar kort reageren.'),
    defaultDelivery: 'direct',
  },
  termijn: { label: 'Een datum is bijna voorbij of al voorbij', text: () => 'Er is een afspraak of actie waarvan de datum bijna voorbij is, of al voorbij.', defaultDelivery: 'dagelijks' },
  'bevestiging-gevraagd': { label: 'Een afspraak wacht op jouw ja', text: () => 'Er is een afspraak die wacht tot jij zegt dat je meedoet.', defaultDelivery: 'direct' },
  genoemd: { label: 'Iemand noemt je in een opmerking', text: () => 'Iemand heeft je genoemd in een opmerking.', defaultDelivery: 'direct' },
  'toestemming-eindigt': {
    label: 'Jouw toestemming loopt af',
    text: (until) => (until ? `Een toestemming die je gaf, loopt af op ${formatDate(until)}.` : 'Een toestemming die je gaf, loopt bijna af.'),
    defaultDelivery: 'direct',
  },
  'vernietiging-gevraagd': {
    label: 'Het gezin vraagt om vernietiging van het dossier',
    text: (until) => (until ? `Iemand uit het gezin vraagt om het dossier te vernietigen. Geef uiterlijk op ${formatDate(until)} antwoord.` : 'Iemand uit het gezin vraagt om het dossier te vernietigen.'),
    defaultDelivery: 'direct',
  },
  'vernietiging-beantwoord': { label: 'Antwoord op je vraag om vernietiging', text: () => 'Je vraag om het dossier te vernietigen is beantwoord.', defaultDelivery: 'direct' },
  'besluit-vastgelegd': { label: 'Een besluit na een gesprek (Jeugdbeschermingstafel)', text: () => 'Na het gesprek is er een besluit. Lees wat er is besloten.', defaultDelivery: 'direct' },
  'verslag-klaar': { label: 'Het verslag van een gesprek (Jeugdbeschermingstafel)', text: () => 'Het verslag van het gesprek is klaar.', defaultDelivery: 'direct' },
};

/** How a person wants a kind by e-mail: at once, in one mail a day, or only in the app. */
export const DELIVERY_LABEL = {
  direct: 'Meteen een e-mail',
  dagelijks: 'Eén e-mail per dag',
  'alleen-app': 'Geen e-mail, alleen in Tafel',
};
export const NoticeDelivery = labelledEnum(DELIVERY_LABEL);
export type NoticeDelivery = z.infer<typeof NoticeDelivery>;

/**
 * Who each kind is for: the family (`gezin`: parents, young people, network), the professionals, or
 * both. The server sends a kind only to whom it is for (`server/notices/notices.ts`), and the
 * settings offer each person only those kinds (`noticeKindsFor`).
 */
const NOTICE_AUDIENCE: Record<NoticeKind, 'gezin' | 'professionals' | 'iedereen'> = {
  uitgenodigd: 'iedereen',
  'tafel-uitgenodigd': 'iedereen',
  'reactie-gevraagd': 'gezin',
  'review-gevraagd': 'professionals',
  // Only a professional approves (`may`: move-status to goedgekeurd).
  'goedkeuring-vervallen': 'professionals',
  'reactie-eindigt': 'gezin',
  termijn: 'iedereen',
  'bevestiging-gevraagd': 'iedereen',
  genoemd: 'iedereen',
  // Only the person a section is about gives consent to read it (`may`: give-consent).
  'toestemming-eindigt': 'gezin',
  'vernietiging-gevraagd': 'professionals',
  'vernietiging-beantwoord': 'gezin',
  'besluit-vastgelegd': 'iedereen',
  'verslag-klaar': 'iedereen',
};

/** Whether someone in a case in this role can be sent a notice of this kind. */
export function receivesNotice(role: Role, kind: NoticeKind): boolean {
  const to = NOTICE_AUDIENCE[kind];
  return to === 'iedereen' || (to === 'gezin') === isFamilyRole(role);
}

/**
 * The kinds a person can be sent, by their roles in their cases, in the order of `NoticeKind`.
 * Without a case (yet), every kind: what they will be is not known.
 */
export function noticeKindsFor(roles: readonly Role[]): NoticeKind[] {
  return roles.length === 0 ? [...NoticeKind.options] : NoticeKind.options.filter((k) => roles.some((r) => receivesNotice(r, k)));
}

/**
 * The sentence of a notice in the app: the kind's sentence (with the time of a conversation), and
 * the title of the section it is about. Only for a section its reader may read now (the list leaves
 * the others out); a mail never names it (see `server/notices/noticeMail.ts`).
 */
export function noticeText(kind: NoticeKind, until: string | null, sectionTitle: string | null, time: string | null = null): string {
  const text = NOTICE_KINDS[kind].text(until, time);
  return sectionTitle ? `${text} Het gaat over: ${sectionTitle}.` : text;
}

/**
 * What became of a notice's e-mail, as the outbox knows it: `onderweg` queued or being retried,
 * `verstuurd`, `mislukt` after the last try, `dagelijks` waiting for (or in) the daily mail,
 * `geen` no e-mail by choice, `geen-mailserver` none is set up. Said in the words of the choices
 * above (`DELIVERY_LABEL`): one set, read under every notice.
 */
export const NOTICE_MAIL_LABEL = {
  onderweg: 'E-mail wordt verstuurd',
  verstuurd: 'E-mail verstuurd',
  mislukt: 'E-mail kon niet worden verstuurd',
  dagelijks: 'Komt in de ene e-mail per dag',
  geen: 'Geen e-mail, alleen in Tafel',
  'geen-mailserver': 'Geen e-mail, alleen in Tafel: er is geen mailserver ingesteld',
};
export const NoticeMail = labelledEnum(NOTICE_MAIL_LABEL);
export type NoticeMail = z.infer<typeof NoticeMail>;

/**
 * The line under a notice about its e-mail, for this reader. A family member is not told how the
 * mail is set up: a notice that only lives in Tafel says so in plain words.
 */
export function noticeMailLabel(mail: NoticeMail, family: boolean): string {
  return family && mail === 'geen-mailserver' ? NOTICE_MAIL_LABEL.geen : NOTICE_MAIL_LABEL[mail];
}

/** One notice as its recipient sees it (`GET /api/notices`). */
/** The query that opens one section of a case page: `/zaken/<case>?onderdeel=<section>`. */
export const OPEN_SECTION_PARAM = 'onderdeel';

/** The query that points "Ons plan" at one agreement: `/zaken/<case>/overzicht?afspraak=<block>`. */
export const SHOW_AGREEMENT_PARAM = 'afspraak';

/** Where a notice about one agreement leads: its card in the plan, so two such notices lead apart. */
export const agreementLink = (caseId: string, blockId: string): string =>
  `/zaken/${encodeURIComponent(caseId)}/overzicht?${SHOW_AGREEMENT_PARAM}=${encodeURIComponent(blockId)}`;

/**
 * Where a notice leads: a notice about a section the reader may read (`section`, named only to
 * them) opens that section on its case page; any other keeps the link it was given.
 */
export function noticeLink(link: string, caseId: string, section: { id: string } | null): string {
  return section && link === `/zaken/${encodeURIComponent(caseId)}` ? `${link}?${OPEN_SECTION_PARAM}=${encodeURIComponent(section.id)}` : link;
}

export const NoticeView = z.object({
  id: z.number().int(),
  kind: NoticeKind,
  text: z.string(),
  caseId: z.string(),
  /** The section it is about, named only to a reader who may read it; null: about the case or a Tafel. */
  section: z.object({ id: z.string(), title: z.string() }).nullable(),
  link: z.string(),
  until: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
  mail: NoticeMail,
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticeList = z.object({ notices: z.array(NoticeView), unread: z.number().int() });
export type NoticeList = z.infer<typeof NoticeList>;

export const NoticeCount = z.object({ unread: z.number().int() });

/** A message of `GET /api/notices/events`: the reader's own unread count, sent at once and on every change. */
export const NoticeCountEvent = z.object({ type: z.literal('notices'), unread: z.number().int().min(0) });
export type NoticeCountEvent = z.infer<typeof NoticeCountEvent>;

/** `PUT /api/notices/read`: mark these read, or all of mine when `ids` is absent. */
export const MarkRead = z.object({ ids: z.array(z.number().int()).max(500).optional() });
export type MarkRead = z.infer<typeof MarkRead>;

/** My choice for every kind (`GET /api/notices/preferences`). */
export const NoticePreferences = z.object({ delivery: z.record(NoticeKind, NoticeDelivery) });
export type NoticePreferences = z.infer<typeof NoticePreferences>;

/** `PUT /api/notices/preferences`: the kinds I change. */
export const PreferenceChange = z.object({ delivery: z.partialRecord(NoticeKind, NoticeDelivery) });
export type PreferenceChange = z.infer<typeof PreferenceChange>;

/** Who may be named with `@` in a comment on a section: only those who may read it. */
export const Mentionable = z.object({ people: z.array(z.object({ userId: z.string(), name: z.string(), role: Role })) });
export type Mentionable = z.infer<typeof Mentionable>;

/** A mention in a comment body: `@[Name](u-id)`; the id counts, the name is what the writer saw. */
export const MENTION = /@\[([^\]\n]{1,120})\]\(([a-z0-9][a-z0-9_-]{0,79})\)/g;

/** The user ids mentioned in a comment body, each once, in order. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2] as string))];
}

/** A comment body as it reads: `@[Eva Jansen](u-1)` becomes `@Eva Jansen`. */
export const readableMentions = (body: string) => body.replace(MENTION, (_all, name: string) => `@${name}`);
