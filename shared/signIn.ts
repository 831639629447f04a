import { z } from 'zod';
import { Me } from './api.ts';

/**
 * Sign-in beyond the password contract of DESIGN.md: the second factor of a professional with a
 * local password (TOTP), and sign-in through an OpenID Connect provider (the organisation's, or
 * the DigiD broker for the family).
 */

/** `POST /api/session` with the right password when a second factor comes first: 202 and this. */
export const SecondFactorStep = z.object({ next: z.enum(['totp', 'totp-enrol']) });
export type SecondFactorStep = z.infer<typeof SecondFactorStep>;

/** Every answer of `POST /api/session` that is not an error: signed in (200), or a step to go (202). */
export const LoginAnswer = z.union([Me, SecondFactorStep]);
export type LoginAnswer = z.infer<typeof LoginAnswer>;

/** The six digits of the authenticator app, or one recovery code (`XXXX-XXXX-XXXX`). */
export const SecondFactorCode = z.object({
  code: z
    .string()
    .trim()
    .min(6, 'Vul de 6 cijfers uit je app in, of een herstelcode.')
    .max(40, 'Vul de 6 cijfers uit je app in, of een herstelcode.'),
});

/** A new authenticator: the secret to type in, and the same as an `otpauth://` link (or QR code). */
export const TotpEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

/** Confirming the first code signs in and shows the recovery codes, this once. */
export const TotpEnrolled = Me.extend({ recoveryCodes: z.array(z.string()) });
export type TotpEnrolled = z.infer<typeof TotpEnrolled>;

/** `GET /api/auth/options`: the buttons of the sign-in page. */
export const SignInOptions = z.object({
  /** Organisations whose professionals sign in through their own identity provider. */
  organisations: z.array(z.object({ id: z.string(), label: z.string() })),
  /** The family's sign-in (the municipality's DigiD broker), when there is one. */
  family: z.object({ label: z.string() }).nullable(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** The provider id of the family's issuer in `/api/auth/oidc/<provider>/…`; no organisation has it. */
export const FAMILY_PROVIDER = 'gezin';

/** Where a sign-in through a provider starts; with an invitation token, it accepts that invitation. */
export function oidcStartPath(provider: string, invitationToken?: string): string {
  const base = `/api/auth/oidc/${encodeURIComponent(provider)}/start`;
  return invitationToken ? `${base}?uitnodiging=${encodeURIComponent(invitationToken)}` : base;
}

/** Why a sign-in through a provider ended without anyone signed in; in the URL as `?aanmelden=<code>`. */
export const OidcFailure = z.enum([
  'verlopen',
  'ongeldige_status',
  'ongeldig_antwoord',
  'code_verlopen',
  'afgebroken',
  'onbekend',
  'niet_bevestigd',
  'niveau_te_laag',
  'niet_gekoppeld',
  'bestaand_account',
  'uitnodiging',
  'onbereikbaar',
  'onbekende_dienst',
]);
export type OidcFailure = z.infer<typeof OidcFailure>;

/** The query parameter a failed sign-in sends the browser back with. */
export const OIDC_FAILURE_PARAM = 'aanmelden';

/** What the sign-in page says for each failure, in plain Dutch; every one ends with nobody signed in. */
export const OIDC_FAILURE_MESSAGE: Record<OidcFailure, string> = {
  verlopen: 'Deze aanmelding is verlopen of al gebruikt. Je bent niet ingelogd. Begin opnieuw met inloggen.',
  ongeldige_status: 'Deze aanmelding hoort niet bij dit venster. Je bent niet ingelogd. Begin opnieuw met inloggen.',
  ongeldig_antwoord: 'Het antwoord van de inlogdienst klopt niet. Je bent niet ingelogd. Begin opnieuw met inloggen.',
  code_verlopen: 'De inlogcode is verlopen. Je bent niet ingelogd. Begin opnieuw met inloggen.',
  afgebroken: 'Het inloggen is gestopt. Je bent niet ingelogd.',
  onbekend: 'Je staat niet in de lijst van professionals van Tafel voor deze organisatie. Vraag de beheerder van je organisatie om je toe te voegen.',
  niet_bevestigd: 'Je organisatie heeft je e-mailadres niet bevestigd. Je bent niet ingelogd. Vraag de ICT-afdeling van je organisatie om hulp.',
  niveau_te_laag: 'Je DigiD-inlog is niet sterk genoeg voor Tafel. Je bent niet ingelogd. Log opnieuw in met de DigiD app met ID-check.',
  niet_gekoppeld: 'Je DigiD hoort nog niet bij een account in Tafel. Open eerst de link in de uitnodiging die je per e-mail kreeg.',
  bestaand_account: 'Bij dit e-mailadres hoort al een account. Neem de uitnodiging aan met je eigen wachtwoord.',
  uitnodiging: 'Deze uitnodiging kan niet meer gebruikt worden. Vraag om een nieuwe uitnodiging.',
  onbereikbaar: 'De inlogdienst is nu niet bereikbaar. Je bent niet ingelogd. Probeer het later opnieuw.',
  onbekende_dienst: 'Deze manier van inloggen is hier niet ingesteld.',
};
