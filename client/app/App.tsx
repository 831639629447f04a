import { useEffect } from 'react';
import { CaseListPage } from '../pages/CaseListPage.tsx';
import { CasePage } from '../pages/CasePage.tsx';
import { InvitationPage } from '../pages/InvitationPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { useSession } from '../state/session.ts';
import { linkTo, useRouter } from './router.ts';

export function App() {
  const me = useSession((s) => s.me);
  const refresh = useSession((s) => s.refresh);
  const signOut = useSession((s) => s.signOut);
  const route = useRouter((s) => s.route);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (me === undefined) return <p className="loading">Laden…</p>;
  if (route.page === 'invitation') return <InvitationPage token={route.token} />;
  if (me === null) return <SignInPage />;

  return (
    <>
      <header className="topbar">
        <a className="brand" {...linkTo('/')}>
          Tafel
        </a>
        <span className="who">{me.name}</span>
        <button type="button" onClick={() => void signOut()}>
          Uitloggen
        </button>
      </header>
      <main id="main">
        {route.page === 'cases' && <CaseListPage />}
        {/* Keyed by case: nothing of one case (open sections, loaded data) carries over to the next. */}
        {route.page === 'case' && <CasePage key={route.caseId} caseId={route.caseId} view={route.view} />}
        {route.page === 'not-found' && <p>Deze pagina bestaat niet.</p>}
      </main>
    </>
  );
}
