import { useEffect } from 'react';
import { OFFLINE_MESSAGE } from '../api/http.ts';
import { LostTextNotice } from '../case/LostTextNotice.tsx';
import { forgetUnused, reconcileAll } from '../local/reconcile.ts';
import { BeheerPage } from '../pages/BeheerPage.tsx';
import { CaseListPage } from '../pages/CaseListPage.tsx';
import { CasePage } from '../pages/CasePage.tsx';
import { InvitationPage } from '../pages/InvitationPage.tsx';
import { NewCasePage } from '../pages/NewCasePage.tsx';
import { NoticesPage } from '../pages/NoticesPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { useConnection } from '../state/connection.ts';
import { useSession } from '../state/session.ts';
import { useFocusPageHeading } from './pageFocus.ts';
import { useRouter } from './router.ts';
import { SkipLink } from './SkipLink.tsx';
import { TopBar } from './TopBar.tsx';

export function App() {
  const me = useSession((s) => s.me);
  const refresh = useSession((s) => s.refresh);
  const signOut = useSession((s) => s.signOut);
  const route = useRouter((s) => s.route);
  const reachable = useConnection((s) => s.reachable);
  const returns = useConnection((s) => s.returns);
  const userId = me?.id;
  // Signing in, out, and every page change: focus goes to the new page's heading.
  useFocusPageHeading(`${userId ?? me}|${JSON.stringify(route)}`);
  // Signed in on another page than the list (a link from a mail): that is where they start.
  useEffect(() => {
    if (userId && route.page !== 'cases') useSession.getState().landed();
  }, [userId, route]);

  // Again when the server is back: the session may have ended meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `returns` is the trigger
  useEffect(() => {
    void refresh();
  }, [refresh, returns]);
  // Edits typed offline in sections that are not open go out as soon as the server can be reached.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `returns` is the trigger
  useEffect(() => {
    // The open case page reconciles its own case, with the sections it has open.
    const shown = useRouter.getState().route;
    if (!userId) return;
    void forgetUnused(userId);
    if (navigator.onLine) void reconcileAll(userId, shown.page === 'case' ? shown.caseId : null);
  }, [userId, returns]);

  if (me === undefined) return <p className="loading">Laden…</p>;
  if (route.page === 'invitation') return <InvitationPage token={route.token} />;
  if (me === null) return <SignInPage />;

  return (
    <>
      <SkipLink />
      <TopBar me={me} onSignOut={() => void signOut()} />
      {!reachable && (
        <p className="connection-lost" role="status">
          {OFFLINE_MESSAGE} Wat je typt, blijft op dit apparaat bewaard.
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <LostTextNotice />
        {route.page === 'cases' && <CaseListPage />}
        {route.page === 'new-case' && <NewCasePage />}
        {route.page === 'beheer' && <BeheerPage />}
        {route.page === 'notices' && <NoticesPage />}
        {/* Keyed by case: nothing of one case (open sections, loaded data) carries over to the next. */}
        {route.page === 'case' && <CasePage key={route.caseId} caseId={route.caseId} view={route.view} />}
        {route.page === 'not-found' && <p>Deze pagina bestaat niet.</p>}
      </main>
    </>
  );
}
