import type { Participant } from '../../shared/caseModel.ts';
import { Participant as ParticipantSchema } from '../../shared/caseModel.ts';
import type { EmergencyGrant } from '../../shared/emergency.ts';
import { FAMILY_ROLES, type Role } from '../../shared/roles.ts';

/** The columns a participant is read from: a `participants` row, or an emergency access, with the user's name. */
export interface ParticipantColumns {
  case_id: string;
  user_id: string;
  role: string;
  organisation_id: string;
  person_id: string | null;
  name: string;
}

/** A `participants` row with the account's directory entry (null for family accounts). */
export interface MemberColumns extends ParticipantColumns {
  directory_role: string | null;
  directory_organisation_id: string | null;
}

/**
 * A case member as the policy must see them. A professional's role and organisation come from
 * the directory, never from the row an invitation wrote; a professional row for an account that
 * is not (or no longer) in the directory makes nobody a member. Family rows are bound to a person.
 */
export function memberFromRow(r: MemberColumns): Participant | undefined {
  if (FAMILY_ROLES.includes(r.role as Role)) return participantFromRow(r);
  if (r.directory_role === null || r.directory_organisation_id === null || FAMILY_ROLES.includes(r.directory_role as Role)) return undefined;
  return participantFromRow({ ...r, role: r.directory_role, organisation_id: r.directory_organisation_id, person_id: null });
}

/** Parsed with the shared schema, so a corrupt row fails here and not in the policy. */
export function participantFromRow(r: ParticipantColumns, emergency?: EmergencyGrant): Participant {
  return ParticipantSchema.parse({
    caseId: r.case_id,
    userId: r.user_id,
    name: r.name,
    role: r.role,
    organisationId: r.organisation_id,
    personId: r.person_id,
    ...(emergency ? { emergency } : {}),
  });
}
