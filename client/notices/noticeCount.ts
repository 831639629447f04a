import { create } from 'zustand';
import { NoticeCount } from '../../shared/notices.ts';
import { api } from '../api/http.ts';

/** How often the header asks for the unread count while the app is open. */
const EVERY_MS = 60_000;

interface NoticeCountState {
  /** Unread notices of the signed-in person; null before the first answer. */
  unread: number | null;
  refresh(): Promise<void>;
  set(unread: number): void;
}

/** The unread count in the header ("Meldingen 3"), shared with the Meldingen page that changes it. */
export const useNoticeCount = create<NoticeCountState>((set) => ({
  unread: null,
  async refresh() {
    try {
      set({ unread: (await api('GET', '/api/notices/count', NoticeCount)).unread });
    } catch {
      // Offline or signed out: the header keeps the last count.
    }
  },
  set: (unread) => set({ unread }),
}));

/** Keeps the count fresh: now, every minute, and when the tab is shown again. Returns the stop. */
export function watchNoticeCount(): () => void {
  const refresh = () => void useNoticeCount.getState().refresh();
  // Another account may have been signed in before: its count is not this one's.
  useNoticeCount.setState({ unread: null });
  refresh();
  const timer = setInterval(refresh, EVERY_MS);
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
