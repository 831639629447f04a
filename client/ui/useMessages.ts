import { useState } from 'react';

/**
 * What a panel says after its actions: the status of what went through, or the alert of what
 * failed. `done` clears the alert, calls `after` (to read again) and says what went through once
 * that read is back, so what a screen reader reads out and what the list shows agree; a failure
 * leaves the last status standing.
 */
export function useMessages(after?: () => unknown) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (message: string) => {
    setError(null);
    void Promise.resolve(after?.()).finally(() => setStatus(message));
  };
  const failed = (e: Error) => setError(e.message);
  return { status, error, setError, done, failed };
}
