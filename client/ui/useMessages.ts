import { useState } from 'react';

/**
 * What a panel says after its actions: the status of what went through, or the alert of what
 * failed. `done` says what went through, clears the alert and calls `after` (to read again);
 * a failure leaves the last status standing.
 */
export function useMessages(after?: () => void) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (message: string) => {
    setStatus(message);
    setError(null);
    after?.();
  };
  const failed = (e: Error) => setError(e.message);
  return { status, error, setError, done, failed };
}
