import { z } from 'zod';
import { Werkdag } from '../../shared/familyHome.ts';
import type { SqlStore } from '../store/db.ts';

/** How a family reaches a professional, as their organisation keeps it in the directory. */
export const ContactDetails = z.object({ phone: z.string().trim().min(6).max(30), workingDays: z.array(Werkdag).max(5) });
export type ContactDetails = z.infer<typeof ContactDetails>;

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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
