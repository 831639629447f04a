import { accessFor } from '../../shared/access/accessFor.ts';
import { atLeast } from '../../shared/caseModel.ts';
import { DEMO_ACCOUNTS } from '../../server/seed/demoCase.ts';
import { type RunningTafel, serverAppend, signIn } from './tafelServer.ts';

/**
 * Gives every section of the demo case a paragraph with a word of its own (`marker`), signs every
 * demo account in (`cookies`) and says which sections each may read (`readable`), so a reader of
 * the whole case (export, search, a copy) that leaks names the section it leaked from. Returns the
 * section ids.
 */
export async function markDemoCase(
  server: RunningTafel,
  marker: (sectionId: string) => string,
  into: { cookies: Map<string, string>; readable: Map<string, Set<string>> },
): Promise<string[]> {
  const { cases } = server.tafel.services;
  const [sections, ctx] = await Promise.all([cases.sections('demo'), cases.accessContext('demo')]);
  // Written as stored changes, as an editor's would be.
  for (const s of sections) await serverAppend(server, s.id, `Notitie ${marker(s.id)} voor de test.`);
  for (const account of DEMO_ACCOUNTS) {
    into.cookies.set(account.id, await signIn(server.http, account.email));
    const me = (await cases.participant('demo', account.id))!;
    into.readable.set(account.id, new Set(sections.filter((s) => atLeast(accessFor(me, s, ctx).level, 'read')).map((s) => s.id)));
  }
  return sections.map((s) => s.id);
}
