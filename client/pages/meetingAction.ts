/**
 * What the meeting page hands its panels to change the Tafel: a POST to a path under the Tafel's
 * own URL, after which the page reads the Tafel again.
 */
export type MeetingAction = (path: string, body?: unknown) => Promise<void>;
