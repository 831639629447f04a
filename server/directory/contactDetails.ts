import { ContactDetails } from '../../shared/directoryApi.ts';
import type { SqlStore } from '../store/db.ts';

/** The contact details of these accounts, by user id; an account without any is absent, and so is a row that does not parse. */
export async function contactDetailsOf(sql: SqlStore, userIds: readonly string[]): Promise<Map<string, ContactDetails>> {
  if (userIds.length === 0) return new Map();
  const rows = await sql.db.selectFrom('contact_details').selectAll().where('user_id', 'in', [...userIds]).execute();
  return new Map(
    rows.flatMap((r) => {
      const parsed = ContactDetails.safeParse({ phone: r.phone, workingDays: safeJson(r.working_days) });
      return parsed.success ? [[r.user_id, parsed.data] as const] : [];
    }),
  );
}

/** Sets how a family reaches this professional, or (`null`) removes it. */
export async function setContactDetails(sql: SqlStore, userId: string, details: ContactDetails | null): Promise<void> {
  await sql.db.deleteFrom('contact_details').where('user_id', '=', userId).execute();
  if (details) await sql.db.insertInto('contact_details').values({ user_id: userId, phone: details.phone, working_days: JSON.stringify(details.workingDays) }).execute();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
