import { useEffect, useState } from 'react';
import { CaseEvent } from '../../shared/api.ts';
import { eventData } from '../api/http.ts';
import { retryDelay, useConnection } from './connection.ts';

type What = CaseEvent['what'];
/** `reconnected`: the stream is back after a gap; anything may have changed meanwhile. */
type Handler = (what: What | 'reconnected') => void;

interface Stream {
  source: EventSource | null;
  handlers: Set<Handler>;
  retry: ReturnType<typeof setTimeout> | null;
  failures: number;
  /** Whether the stream was lost since it last opened: the next open is a return. */
  lost: boolean;
}

/** One server-sent event stream per case, shared by every component that wants to stay live. */
const streams = new Map<string, Stream>();

/**
 * Opens the stream. Closed by hand on every error and opened again after a growing pause (the
 * browser's own retry gives up for good on some answers, such as a proxy's 502 during a restart).
 */
function open(caseId: string, stream: Stream): void {
  const source = new EventSource(`/api/cases/${encodeURIComponent(caseId)}/events`);
  stream.source = source;
  source.onopen = () => {
    stream.failures = 0;
    useConnection.getState().reached();
    if (!stream.lost) return;
    stream.lost = false;
    for (const h of stream.handlers) h('reconnected');
  };
  source.onmessage = (e) => {
    const event = eventData(CaseEvent, e);
    if (event) for (const h of stream.handlers) h(event.what);
  };
  source.onerror = () => {
    source.close();
    stream.source = null;
    stream.lost = true;
    useConnection.getState().lost();
    stream.retry = setTimeout(() => {
      stream.retry = null;
      if (streams.get(caseId) === stream) open(caseId, stream);
    }, retryDelay(stream.failures++));
  };
}

function subscribe(caseId: string, handler: Handler): () => void {
  let stream = streams.get(caseId);
  if (!stream) {
    stream = { source: null, handlers: new Set(), retry: null, failures: 0, lost: false };
    streams.set(caseId, stream);
    open(caseId, stream);
  }
  const own = stream;
  own.handlers.add(handler);
  return () => {
    own.handlers.delete(handler);
    if (own.handlers.size > 0) return;
    own.source?.close();
    if (own.retry) clearTimeout(own.retry);
    streams.delete(caseId);
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
      if (what === 'reconnected') return bump();
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
