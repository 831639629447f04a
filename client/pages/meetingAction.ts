import { createElement, useEffect, useRef } from 'react';
import { NLDS } from '../ui/theme.ts';

/**
 * What the meeting page hands its panels to change the Tafel: a POST to a path under the Tafel's
 * own URL, after which the page reads the Tafel again. `at` names the control that asked, where a
 * failure's message shows; without it, the path, and the agenda item for an item's own action.
 */
export type MeetingAction = (path: string, body?: unknown, at?: string) => Promise<void>;

/** An action that failed: where its control is, and the server's message. */
export interface MeetingFailure {
  at: string;
  message: string;
}

/** Where a failure shows when the caller named no place: `notes:item-opening`, `attendance`. */
export function failureAt(path: string, body: unknown, at: string | undefined): string {
  if (at) return at;
  const itemId = (body as { itemId?: unknown } | undefined)?.itemId;
  return typeof itemId === 'string' ? `${path}:${itemId}` : path;
}

/** The message of a failed action beside the control that failed (`at`), announced at once and scrolled into view. */
export function ActionError({ failure, at }: { failure: MeetingFailure | null; at: readonly string[] }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = failure !== null && at.includes(failure.at);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new failure at the same control scrolls to it again
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [shown, failure]);
  return shown ? createElement('p', { ref, role: 'alert', className: NLDS.errorMessage, 'data-action-error': failure.at }, failure.message) : null;
}
