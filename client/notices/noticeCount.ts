import { create } from 'zustand';
import { NoticeCount, NoticeCountEvent } from '../../shared/notices.ts';
import { api, eventData } from '../api/http.ts';
import { retryDelay } from '../state/connection.ts';

/** How often the header asks for the count itself, only while its stream is down. */
const FALLBACK_EVERY_MS = 60_000;

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

/**
 * Keeps the count fresh: the server pushes it (`GET /api/notices/events`, the reader's own count
 * only) at once and whenever it changes. While that stream is down the header asks every minute
 * and opens the stream again after a growing pause; and it asks when the tab is shown again.
 * Returns the stop.
 */
export function watchNoticeCount(): () => void {
  const refresh = () => void useNoticeCount.getState().refresh();
  // Another account may have been signed in before: its count is not this one's.
  useNoticeCount.setState({ unread: null });
  let source: EventSource | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  const stopPolling = () => {
    if (poll) clearInterval(poll);
    poll = null;
  };
  const open = () => {
    retry = null;
    const stream = new EventSource('/api/notices/events');
    source = stream;
    stream.onopen = () => {
      failures = 0;
      stopPolling();
    };
    stream.onmessage = (e) => {
      const event = eventData(NoticeCountEvent, e);
      if (event) useNoticeCount.getState().set(event.unread);
    };
    // Closed by hand: the browser's own retry gives up for good on some answers (a proxy's 502).
    stream.onerror = () => {
      stream.close();
      source = null;
      refresh();
      poll ??= setInterval(refresh, FALLBACK_EVERY_MS);
      retry = setTimeout(open, retryDelay(failures++));
    };
  };
  open();
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    source?.close();
    stopPolling();
    if (retry) clearTimeout(retry);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
