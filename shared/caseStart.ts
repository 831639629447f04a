import { z } from 'zod';
import { IsoDate } from './blocks/common.ts';
import { OrganisationKind, ProfessionalRole } from './directory.ts';
import { EmailAddress } from './email.ts';
import { labelledEnum } from './labelledEnum.ts';
import { Region } from './regions.ts';

/**
 * Starting a case and keeping its persons (DESIGN.md, Round 2 "Starting a case"). The server
 * validates with these, the "Nieuwe zaak" form shows their messages under its fields.
 */

/**
 * What a person is in the case. `volwassene` (an adult of the family: parent, step-parent, new
 * partner) gets a GGZ section, `kind` a health section; `netwerk` (grandparent, teacher,
 * neighbour) gets none and says their relation.
 */
export const PERSON_KIND_LABEL = {
  volwassene: 'Volwassene in het gezin',
  kind: 'Kind',
  netwerk: 'Iemand uit het netwerk',
};
export const PersonKind = labelledEnum(PERSON_KIND_LABEL, { message: 'Kies volwassene, kind of netwerk.' });
export type PersonKind = z.infer<typeof PersonKind>;

const personFields = {
  name: z.string().trim().min(1, 'Vul een naam in.').max(120, 'De naam is te lang (maximaal 120 tekens).'),
  kind: PersonKind,
  /** `YYYY-MM-DD`, a day that exists (2023-02-30 is refused, not rolled into March). */
  birthDate: IsoDate.optional(),
  /** How the person is related to the family: "moeder", "oma", "leerkracht van Daan". */
  relation: z.string().trim().max(80, 'Schrijf de relatie korter (maximaal 80 tekens).').optional(),
};

/** A network person says how they belong to the family; without it the list says nothing. */
function relationOfNetwork(p: { kind?: PersonKind; relation?: string | undefined }, ctx: z.RefinementCtx): void {
  if (p.kind === 'netwerk' && !p.relation) ctx.addIssue({ code: 'custom', path: ['relation'], message: 'Schrijf op wie dit is voor het gezin (bijvoorbeeld oma of buurvrouw).' });
}

export const NewPerson = z.object(personFields).superRefine(relationOfNetwork);
export type NewPerson = z.infer<typeof NewPerson>;

/** The same person twice: same name and same birth date (or both without one). */
export function samePerson(a: { name: string; birthDate?: string | null | undefined }, b: { name: string; birthDate?: string | null | undefined }): boolean {
  return a.name.trim().toLocaleLowerCase('nl') === b.name.trim().toLocaleLowerCase('nl') && (a.birthDate ?? null) === (b.birthDate ?? null);
}

/** `POST /api/cases` (contract). `regisseur`: the e-mail address of the lokaal-team regisseur a non-regisseur (Veilig Thuis) names. */
export const StartCase = z.object({
  title: z.string().trim().min(1, 'Vul een titel in.').max(200, 'De titel is te lang (maximaal 200 tekens).'),
  /** One of the regions Tafel knows: its deadlines and glossary follow it. */
  region: Region,
  persons: z
    .array(NewPerson)
    .min(1, 'Noem minstens één persoon.')
    .max(40, 'Te veel personen (maximaal 40).')
    .superRefine((persons, ctx) => {
      persons.forEach((p, i) => {
        if (persons.slice(0, i).some((q) => samePerson(p, q))) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'Deze persoon staat er al.' });
      });
    }),
  regisseur: EmailAddress.optional(),
  /** Why the case starts (the melding or the family's question), in a few sentences; the family can read it. */
  reason: z.string().trim().max(2000, 'De aanleiding is te lang (maximaal 2000 tekens).').optional(),
});
export type StartCase = z.infer<typeof StartCase>;

export const CaseStarted = z.object({ id: z.string() });

/** Correcting a person: only what is sent changes; `null` clears a birth date or relation. */
export const PersonCorrection = z
  .object({
    name: personFields.name.optional(),
    birthDate: IsoDate.nullable().optional(),
    relation: personFields.relation.unwrap().nullable().optional(),
  })
  .refine((c) => c.name !== undefined || c.birthDate !== undefined || c.relation !== undefined, { message: 'Er is niets om te verbeteren.' });
export type PersonCorrection = z.infer<typeof PersonCorrection>;

/** A person of a case as the person routes answer. */
export const CasePerson = z.object({
  id: z.string(),
  name: z.string(),
  kind: PersonKind,
  birthDate: z.string().nullable(),
  relation: z.string().nullable(),
});
export type CasePerson = z.infer<typeof CasePerson>;

/** What happened to a removed person's own sections: dropped while empty, archived when they hold anything. */
export const PersonRemoved = z.object({ archived: z.array(z.string()), dropped: z.array(z.string()) });
export type PersonRemoved = z.infer<typeof PersonRemoved>;

/**
 * `GET /api/case-start`: what the "Nieuwe zaak" page needs. `professional` is null for an account
 * outside the directory (the family); the client asks `may(…, 'start-case', …)` with it, as the
 * server does. `regisseurs` (of lokaal teams in the caller's region) only for who may start a case.
 */
export const CaseStartOptions = z.object({
  professional: z
    .object({
      userId: z.string(),
      role: ProfessionalRole,
      organisationId: z.string(),
      organisationKind: OrganisationKind.nullable(),
      region: z.string().nullable(),
    })
    .nullable(),
  regisseurs: z.array(z.object({ email: z.string(), name: z.string(), organisation: z.string() })),
});
export type CaseStartOptions = z.infer<typeof CaseStartOptions>;
