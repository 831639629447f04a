import type { Participant } from '../../shared/caseModel.ts';
import { Participant as ParticipantSchema } from '../../shared/caseModel.ts';
import type { EmergencyGrant } from '../../shared/emergency.ts';

/** The columns a participant is read from: a `participants` row, or an emergency access, with the user's name. */
export interface ParticipantColumns {
  case_id: string;
  user_id: string;
  role: string;
  organisation_id: string;
  person_id: string | null;
  name: string;
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
