import { create } from 'zustand';

/** The pages of the app, parsed from the URL path. */
export type Route =
  | { page: 'cases' }
  | { page: 'new-case' }
  | { page: 'beheer' }
  | { page: 'notices' }
  | { page: 'case'; caseId: string; view: CaseView; meetingId?: string }
  | { page: 'invitation'; token: string }
  | { page: 'not-found' };

export type CaseView = 'analyse' | 'thuis' | 'overzicht' | 'tafel' | 'logboek' | 'deelnemers';
const CASE_VIEWS: readonly string[] = ['thuis', 'overzicht', 'tafel', 'logboek', 'deelnemers'];

export function parseRoute(path: string): Route {
  const parts = (path.split(/[?#]/)[0] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'cases' };
  if (parts[0] === 'nieuwe-zaak' && parts.length === 1) return { page: 'new-case' };
  if (parts[0] === 'beheer' && parts.length === 1) return { page: 'beheer' };
  if (parts[0] === 'meldingen' && parts.length === 1) return { page: 'notices' };
  if (parts[0] === 'zaken' && parts[1]) {
    const view = CASE_VIEWS.includes(parts[2] ?? '') ? (parts[2] as CaseView) : 'analyse';
    // `/zaken/:caseId/tafel/:meetingId`: one Jeugdbeschermingstafel.
    return { page: 'case', caseId: parts[1], view, ...(view === 'tafel' && parts[3] ? { meetingId: parts[3] } : {}) };
  }
  if (parts[0] === 'uitnodiging' && parts[1]) return { page: 'invitation', token: parts[1] };
  return { page: 'not-found' };
}

interface RouterState {
  route: Route;
  navigate(path: string): void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parseRoute(location.pathname),
  navigate(path) {
    history.pushState(null, '', path);
    set({ route: parseRoute(path) });
  },
}));

addEventListener('popstate', () => useRouter.setState({ route: parseRoute(location.pathname) }));

/** Link props for in-app navigation without a page load. */
export function linkTo(path: string) {
  return {
    href: path,
    onClick(e: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean }) {
      if (e.metaKey || e.ctrlKey) return;
      e.preventDefault();
      useRouter.getState().navigate(path);
    },
  };
}
