/*
 * The family pages are built from NL Design System components (the community's CSS classes,
 * `utrecht-*`, from @utrecht/component-library-css) and read every colour, size and font from
 * design tokens. A municipality themes them without code: it installs its own token package
 * (as @nl-design-system-unstable/voorbeeld-design-tokens here), imports its theme.css instead of
 * this one and puts its theme class in FAMILY_THEME. Tafel's own CSS only lays the page out.
 */
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';

/** The class that carries the theme's tokens; the example theme of NL Design System. */
export const FAMILY_THEME = 'voorbeeld-theme';

/** Class names of the NL Design System components the family pages use. */
export const NLDS = {
  heading1: 'utrecht-heading-1',
  heading2: 'utrecht-heading-2',
  heading3: 'utrecht-heading-3',
  paragraph: 'utrecht-paragraph',
  primaryButton: 'utrecht-button utrecht-button--primary-action',
  secondaryButton: 'utrecht-button utrecht-button--secondary-action',
  linkButton: 'utrecht-link-button utrecht-link-button--html-button',
  buttonLink: 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action',
  link: 'utrecht-link utrecht-link--html-a',
  unorderedList: 'utrecht-unordered-list',
  statusBadge: 'utrecht-status-badge',
  fieldset: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset',
  legend: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend',
  label: 'utrecht-form-label',
  radioLabel: 'utrecht-form-label utrecht-form-label--radio',
  radio: 'utrecht-radio-button utrecht-radio-button--html-input',
  textbox: 'utrecht-textbox utrecht-textbox--html-input',
} as const;
