/** Row types of migration 0016: legal holds and destruction requests (server/store/retentionStore.ts). */

/** A case that may not be destroyed while `lifted_at` is null. */
export interface LegalHoldsTable {
  id: string;
  case_id: string;
  reason: string;
  set_by: string;
  set_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
}

/** A family's request to destroy the case (Jeugdwet art. 7.3.9); `due_on` is a Dutch date. */
export interface DestructionRequestsTable {
  id: string;
  case_id: string;
  filed_by: string;
  filed_at: string;
  due_on: string;
  explanation: string | null;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}
