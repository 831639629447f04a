import { z } from 'zod';
import { OrganisationId } from '../../shared/ids.ts';
import { FAMILY_PROVIDER } from '../../shared/signIn.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether this issuer may be reached over plain HTTP: only on this machine (a local or test provider). */
export function isLoopback(issuer: string): boolean {
  return LOOPBACK.has(new URL(issuer).hostname);
}

/** An issuer identifier: HTTPS, except on the loopback address. */
const Issuer = z
  .string()
  .url()
  .refine((v) => v.startsWith('https://') || (v.startsWith('http://') && isLoopback(v)), 'verwacht een https-adres (http alleen op localhost)');

const Client = {
  issuer: Issuer,
  clientId: z.string().min(1).max(400),
  clientSecret: z.string().min(1).max(1000),
};

/**
 * An organisation whose professionals sign in through its own identity provider. The account is
 * the directory account of that organisation whose e-mail address the claim `claim` gives:
 * `email` only with `email_verified: true`; another claim (such as `upn`) is taken as verified
 * by the organisation, so name one its provider sets itself and users cannot change.
 */
export const ProfessionalIssuer = z.object({
  organisationId: OrganisationId.refine((id) => id !== FAMILY_PROVIDER, `"${FAMILY_PROVIDER}" is de aanmelding van het gezin`),
  ...Client,
  claim: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/)
    .default('email'),
  /** The text of the sign-in button; the organisation's name when left out. */
  label: z.string().min(2).max(80).optional(),
});
export type ProfessionalIssuer = z.infer<typeof ProfessionalIssuer>;

/** DigiD's levels as a broker names them (`acr`), lowest first. */
export const DIGID_LEVELS = ['basis', 'midden', 'substantieel', 'hoog'];

/**
 * The family's issuer: the municipality's DigiD broker. A sign-in counts only at `minimumAcr` or
 * a level after it in `acrLevels` (lowest first); brokers that use URNs list those instead.
 */
export const FamilyIssuer = z
  .object({
    ...Client,
    label: z.string().min(2).max(80).default('DigiD'),
    acrLevels: z.array(z.string().min(1).max(200)).min(1).default(DIGID_LEVELS),
    minimumAcr: z.string().min(1).max(200).default('substantieel'),
  })
  .refine((f) => f.acrLevels.includes(f.minimumAcr), { message: 'minimumAcr moet in acrLevels staan', path: ['minimumAcr'] });
export type FamilyIssuer = z.infer<typeof FamilyIssuer>;

export const OidcSettings = z
  .object({
    professionals: z.array(ProfessionalIssuer).default([]),
    family: FamilyIssuer.optional(),
  })
  .refine((s) => new Set(s.professionals.map((p) => p.organisationId)).size === s.professionals.length, 'elke organisatie één keer');
export type OidcSettings = z.infer<typeof OidcSettings>;

/** `TAFEL_OIDC` as JSON; a setting that is not JSON fails like any other bad setting. */
export const OidcSettingsJson = z
  .string()
  .default('{}')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'geen geldige JSON' });
      return z.NEVER;
    }
  })
  .pipe(OidcSettings);
