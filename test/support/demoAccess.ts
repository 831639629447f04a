import { accessFor } from '../../shared/access/accessFor.ts';
import type { AccessLevel } from '../../shared/caseModel.ts';
import { DEMO_ACCOUNTS } from '../../server/seed/demoCase.ts';
import { type RunningTafel, signIn } from './tafelServer.ts';

/**
 * Signs every demo account in and works out, from the access policy, its level on every section of
 * the demo case: what the wire must then give it, account by account, section by section.
 */
export async function demoAccess(server: RunningTafel): Promise<{ cookies: Map<string, string>; levels: { account: string; sectionId: string; level: AccessLevel }[] }> {
  const cookies = new Map<string, string>();
  const levels: { account: string; sectionId: string; level: AccessLevel }[] = [];
  const { cases } = server.tafel.services;
  const [sections, ctx] = await Promise.all([cases.sections('demo'), cases.accessContext('demo')]);
  for (const account of DEMO_ACCOUNTS) {
    cookies.set(account.id, await signIn(server.http, account.email));
    const me = (await cases.participant('demo', account.id))!;
    for (const section of sections) levels.push({ account: account.id, sectionId: section.id, level: accessFor(me, section, ctx).level });
  }
  return { cookies, levels };
}

/** How many updates the store holds for a section of the demo case. */
export async function storedUpdates(server: RunningTafel, sectionId: string): Promise<number> {
  const row = await server.tafel.services.sql.db
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('room', '=', `demo/${sectionId}`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
