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

/**
 * A counter that goes up whenever the server says one of `kinds` changed in the case; use it as
 * an effect dependency to re-read through the API.
 */
export function useCaseVersion(caseId: string, kinds: readonly What[]): number {
  const [version, setVersion] = useState(0);
  const key = kinds.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return subscribe(caseId, (what) => {
      if (wanted.has(what)) setVersion((v) => v + 1);
    });
  }, [caseId, key]);
  return version;
}
