/*
 * Every page is built from NL Design System components (the community's CSS classes, `utrecht-*`,
 * from @utrecht/component-library-css) and reads every colour, size and font from design tokens.
 * A municipality themes Tafel without code: it installs its own token package (as
 * @nl-design-system-unstable/voorbeeld-design-tokens here), imports its theme.css instead of this
 * one and puts its theme class in THEME. main.tsx sets it on the body, so every page, dialog and
 * panel reads the same tokens. Tafel's own CSS only lays the pages out.
 */
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import type { SectionStatus } from '../../shared/caseModel.ts';
import type { MeetingStatus } from '../../shared/meetings.ts';
import { isFamilyRole, type Role } from '../../shared/roles.ts';
import { FAMILY_STATUS } from '../../shared/statusLabels.ts';

/** The class that carries the theme's tokens; the example theme of NL Design System. */
export const THEME = 'voorbeeld-theme';

/** Class names of the NL Design System components Tafel uses. */
export const NLDS = {
  heading1: 'utrecht-heading-1',
  heading2: 'utrecht-heading-2',
  heading3: 'utrecht-heading-3',
  heading4: 'utrecht-heading-4',
  paragraph: 'utrecht-paragraph',
  /** A side note: a tip, the saved state. */
  smallParagraph: 'utrecht-paragraph utrecht-paragraph--small',
  button: 'utrecht-button',
  primaryButton: 'utrecht-button utrecht-button--primary-action',
  secondaryButton: 'utrecht-button utrecht-button--secondary-action',
  subtleButton: 'utrecht-button utrecht-button--subtle',
  /** For what cannot be undone, such as destroying a case. */
  dangerButton: 'utrecht-button utrecht-button--primary-action utrecht-button--danger',
  /** Added to a toggle button while its `aria-pressed` is true. */
  pressed: 'utrecht-button--pressed',
  linkButton: 'utrecht-link-button utrecht-link-button--html-button',
  /** A link button within a line of text. */
  inlineLinkButton: 'utrecht-link-button utrecht-link-button--html-button utrecht-link-button--inline',
  buttonLink: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action',
  primaryButtonLink: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action',
  link: 'utrecht-link utrecht-link--html-a',
  /** With aria-current: the link to the page that is shown. */
  currentLink: 'utrecht-link--current',
  navBar: 'utrecht-nav-bar',
  navList: 'utrecht-nav-list',
  navItem: 'utrecht-nav-list__item',
  navLink: 'utrecht-nav-list__link utrecht-link utrecht-link--html-a',
  unorderedList: 'utrecht-unordered-list',
  listItem: 'utrecht-unordered-list__item',
  orderedList: 'utrecht-ordered-list',
  orderedListItem: 'utrecht-ordered-list__item',
  /** Buttons side by side with room between them, wrapping on a phone. */
  buttonGroup: 'utrecht-button-group',
  statusBadge: 'utrecht-status-badge',
  neutralBadge: 'utrecht-status-badge utrecht-status-badge--neutral',
  dangerBadge: 'utrecht-status-badge utrecht-status-badge--danger',
  numberBadge: 'utrecht-number-badge',
  /** Badges side by side, wrapping on a phone. */
  badgeList: 'utrecht-badge-list',
  /** A notice to heed (something withheld or restricted), not an error. */
  alertWarning: 'utrecht-alert utrecht-alert--warning',
  /** News to take in (what is on now), not a warning. */
  alertInfo: 'utrecht-alert utrecht-alert--info',
  /** Something went wrong for the whole page (it could not be read). */
  alertError: 'utrecht-alert utrecht-alert--error',
  /** Inside an alert: its text (headings, paragraphs) stacked, beside where an icon would go. */
  alertMessage: 'utrecht-alert__message',
  /** What is wrong, beside the field or the control it is about. */
  errorMessage: 'utrecht-form-field-error-message',
  fieldset: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset',
  legend: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend',
  label: 'utrecht-form-label',
  /** A field's help text, under its label. */
  fieldDescription: 'utrecht-form-field-description',
  radioLabel: 'utrecht-form-label utrecht-form-label--radio',
  radio: 'utrecht-radio-button utrecht-radio-button--html-input',
  checkboxLabel: 'utrecht-form-label utrecht-form-label--checkbox',
  checkbox: 'utrecht-checkbox utrecht-checkbox--html-input',
  textbox: 'utrecht-textbox utrecht-textbox--html-input',
  table: 'utrecht-table',
  tableCaption: 'utrecht-table__caption',
  tableHeader: 'utrecht-table__header',
  tableBody: 'utrecht-table__body',
  tableRow: 'utrecht-table__row',
  tableHeaderCell: 'utrecht-table__header-cell',
  tableCell: 'utrecht-table__cell',
  textarea: 'utrecht-textarea utrecht-textarea--html-textarea',
  select: 'utrecht-select utrecht-select--html-select',
  /** A list to pick one option from by arrow keys (the `/` menu); `--active` marks the one Enter takes. */
  listbox: 'utrecht-listbox utrecht-listbox--html-div',
  listboxOption: 'utrecht-listbox__option',
  activeOption: 'utrecht-listbox__option--active',
} as const;

/** The tones of the status badge that the theme colours. */
export type BadgeTone = 'neutral' | 'active' | 'inactive' | 'valid' | 'warning' | 'success' | 'danger';

/** The classes of a status badge in one tone. */
export function badge(tone: BadgeTone): string {
  return `${NLDS.statusBadge} utrecht-status-badge--${tone}`;
}

/** The status badge's tone for each step of the review; the family's three words keep one tone each. */
const STATUS_TONE: Record<SectionStatus, BadgeTone> = {
  concept: 'neutral',
  review: 'active',
  goedgekeurd: 'valid',
  gedeeld: 'warning',
  vastgesteld: 'success',
};
const FAMILY_TONE = { 'nog-niet-klaar': 'neutral', 'klaar-voor-reactie': 'warning', vastgesteld: 'success' } as const;

/** The classes of a section's status badge, as the reader sees it (`statusLabelFor` gives its words). */
export function statusBadge(role: Role, status: SectionStatus): string {
  return badge(isFamilyRole(role) ? FAMILY_TONE[FAMILY_STATUS[status]] : STATUS_TONE[status]);
}

/** The status badge's tone of a Tafel: planned, going on now, held. */
const MEETING_TONE: Record<MeetingStatus, BadgeTone> = { gepland: 'neutral', bezig: 'active', afgerond: 'success' };

/** The classes of a Tafel's status badge, in the list of Tafels and on its own page. */
export function meetingBadge(status: MeetingStatus): string {
  return badge(MEETING_TONE[status]);
}
