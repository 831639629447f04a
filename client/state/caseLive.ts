import { useEffect, useState } from 'react';
import { CaseEvent } from '../../shared/api.ts';

type What = CaseEvent['what'];
type Handler = (what: What) => void;

/** One server-sent event stream per case, shared by every component that wants to stay live. */
const streams = new Map<string, { source: EventSource; handlers: Set<Handler> }>();

function subscribe(caseId: string, handler: Handler): () => void {
  let stream = streams.get(caseId);
  if (!stream) {
    const source = new EventSource(`/api/cases/${encodeURIComponent(caseId)}/events`);
    const handlers = new Set<Handler>();
    source.onmessage = (e) => {
      const parsed = CaseEvent.safeParse(JSON.parse(String(e.data)));
      if (parsed.success) for (const h of handlers) h(parsed.data.what);
    };
    stream = { source, handlers };
    streams.set(caseId, stream);
  }
  stream.handlers.add(handler);
  return () => {
    stream.handlers.delete(handler);
    if (stream.handlers.size === 0) {
      stream.source.close();
      streams.delete(caseId);
    }
  };
}

/** At most one re-read per this many ms while people type (each flush of an edit is an event). */
const THROTTLE_MS = 500;

/**
 * A counter that goes up whenever the server says one of `kinds` changed in the case; use it as
 * an effect dependency to re-read through the API. A lone change counts at once, and so does a
 * change of access; while people keep typing, the changes after the first are gathered for half
 * a second, so six people typing do not make every reader re-read the case on every keystroke,
 * and an agreement made at the table still reaches the family within a second.
 */
export function useCaseVersion(caseId: string, kinds: readonly What[]): number {
  const [version, setVersion] = useState(0);
  const key = kinds.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    let pending: ReturnType<typeof setTimeout> | null = null;
    let last = Number.NEGATIVE_INFINITY;
    const bump = () => {
      if (pending) clearTimeout(pending);
      pending = null;
      last = Date.now();
      setVersion((v) => v + 1);
    };
    const unsubscribe = subscribe(caseId, (what) => {
      if (!wanted.has(what)) return;
      const wait = last + THROTTLE_MS - Date.now();
      if (what === 'access' || wait <= 0) bump();
      else pending ??= setTimeout(bump, wait);
    });
    return () => {
      if (pending) clearTimeout(pending);
      unsubscribe();
    };
  }, [caseId, key]);
  return version;
}
