/** Row types of emergency access (migration 0005, server/store/emergencyStore.ts). */

/** Who may ask for emergency access to a case they are not in: the crisis service's staff. */
export interface EmergencyStaffTable {
  user_id: string;
  role: string;
  organisation_id: string;
}

/** Each emergency access ("break the glass"): who, to which case, why, until when, and whether it was ended early. */
export interface EmergencyAccessTable {
  id: string;
  case_id: string;
  user_id: string;
  role: string;
  organisation_id: string;
  reason: string;
  started_at: string;
  until: string;
  ended_at: string | null;
  ended_by: string | null;
}
