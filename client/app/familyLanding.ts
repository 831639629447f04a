import type { CaseSummary } from '../../shared/api.ts';
import { homePath } from '../../shared/familyHome.ts';
import { useSession } from '../state/session.ts';
import { parseRoute, useRouter } from './router.ts';

/**
 * Where a person starts right after signing in, once "Mijn zaken" has read their cases: a parent,
 * young person or network member in one case starts on that case's "Thuis" (what was decided,
 * what to do, who helps), not on a list of one; "Tafel" at the top leads there too (`homePath`).
 * Professionals, and anyone in several cases, start on the list. Asked once per sign-in.
 */
export function landAfterSignIn(cases: readonly Pick<CaseSummary, 'id' | 'myRole'>[]): void {
  const session = useSession.getState();
  if (!session.justSignedIn) return;
  session.landed();
  const path = homePath(cases);
  if (path === '/' || useRouter.getState().route.page !== 'cases') return;
  // In place of the list: "back" from Thuis does not return to a list she never chose.
  history.replaceState(null, '', path);
  useRouter.setState({ route: parseRoute(path) });
}
