import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { api } from './http.ts';

/**
 * What a panel reads from the server at `url`: read when the panel shows, again on `load()` or when
 * `trigger` changes. `onError` is the panel's alert (a stable setter), shared with its other actions:
 * it gets a failure's message, or null when a change went through. `send` makes a change whose
 * answer is the new data, then calls `after`.
 */
export function useResource<T>(url: string, schema: z.ZodType<T>, onError: (message: string | null) => void, trigger?: unknown) {
  const [data, setData] = useState<T | null>(null);
  /** Reads again; settles once the new data (or the failure) is in. */
  const load = useCallback((): Promise<void> => api('GET', url, schema).then(setData, (e: Error) => onError(e.message)), [url, schema, onError]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `trigger` is the caller's cue to read again
  useEffect(() => void load(), [load, trigger]);
  const send = (method: string, path: string, body: unknown, after?: () => void) => {
    api(method, path, schema, body).then(
      (next) => {
        setData(next);
        after?.();
        onError(null);
      },
      (e: Error) => onError(e.message),
    );
  };
  return { data, load, send };
}
