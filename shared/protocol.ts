/**
 * The sync protocol of Tafel is the standard y-websocket protocol; this module names what both
 * sides agree on beyond it. Message framing (re-exported from y-websocket, never retyped):
 *
 *   message  = varUint(type) payload
 *   type 0   = sync       (payload: y-protocols/sync: step 1 | step 2 | update)
 *   type 1   = awareness  (payload: y-protocols/awareness update)
 *   type 2   = auth       (payload: y-protocols/auth; only sent by the server)
 *   type 3   = query awareness (no payload)
 *
 * A socket is accepted first and then closed with one of the codes below: browsers cannot read
 * an HTTP status on a failed upgrade, and y-websocket stops reconnecting for codes 4400–4499.
 */
export { messageAuth, messageAwareness, messageQueryAwareness, messageSync } from 'y-websocket';
export { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** Close codes of the sync endpoint; each is permanent (the client does not reconnect). */
export const CloseCode = {
  /** No valid session cookie. */
  notSignedIn: 4401,
  /** The user may not see this section (access revoked, consent withdrawn, removed from the case). */
  forbidden: 4403,
  /** Unknown case or section, or a malformed path. Same answer for both so nothing leaks. */
  notFound: 4404,
  /** The client sent a change without edit access; the change was dropped. */
  readOnly: 4409,
  /** A message was larger than {@link MAX_MESSAGE_BYTES}. */
  tooLarge: 4413,
  /** A change would make a safety-plan block or the document structure invalid; nothing was stored. */
  invalidContent: 4422,
  /** A message could not be decoded (truncated, unknown type). */
  malformed: 4400,
  /** The request's Origin is not this server's. */
  badOrigin: 4405,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Dutch text shown when the server closes a section for one of these reasons. */
export const CLOSE_MESSAGE: Record<number, string> = {
  4401: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
  4403: 'Je hebt geen toegang (meer) tot dit onderdeel.',
  4404: 'Dit onderdeel bestaat niet.',
  4409: 'Je mag dit onderdeel alleen lezen. Je wijziging is niet opgeslagen.',
  4413: 'Deze wijziging is te groot om op te slaan.',
  4422: 'Deze wijziging is niet geldig en is niet opgeslagen.',
  4400: 'Er ging iets mis met de verbinding.',
  4405: 'Deze verbinding komt niet van Tafel zelf.',
};

/** Largest accepted sync message; a pasted report fits, a flood does not. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Name of the Y.XmlFragment that Tiptap's Collaboration extension binds to. */
export const DOC_FIELD = 'default';

/** Cookie that carries the session. */
export const SESSION_COOKIE = 'tafel_session';
