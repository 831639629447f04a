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

/**
 * Every way the sync endpoint closes a socket, in one table: the code, the short reason sent in
 * the close frame (English, for logs and stock clients) and the Dutch text a person sees. Codes
 * 4400–4499 are permanent (y-websocket does not reconnect); 1011 and 1012 are not.
 */
export const CloseEvents = {
  /** A message could not be decoded (truncated, unknown type). */
  malformed: { code: 4400, reason: 'malformed message', message: 'Er ging iets mis met de verbinding.' },
  /** No valid session cookie, or the session ended (signed out, expired). */
  notSignedIn: { code: 4401, reason: 'not signed in', message: 'Je bent niet (meer) ingelogd. Log opnieuw in.' },
  /** The user may not see this section (access revoked, consent withdrawn, removed from the case). */
  forbidden: { code: 4403, reason: 'access revoked', message: 'Je hebt geen toegang (meer) tot dit onderdeel.' },
  /** Unknown case or section, or a malformed path. Same answer for both so nothing leaks. */
  notFound: { code: 4404, reason: 'not found', message: 'Dit onderdeel bestaat niet.' },
  /** The request's Origin is not this server's. */
  badOrigin: { code: 4405, reason: 'foreign origin', message: 'Deze verbinding komt niet van Tafel zelf.' },
  /** The client sent a change without edit access; the change was dropped. */
  readOnly: { code: 4409, reason: 'read-only', message: 'Je mag dit onderdeel alleen lezen. Je wijziging is niet opgeslagen.' },
  /** A message was larger than {@link MAX_MESSAGE_BYTES}. */
  tooLarge: { code: 4413, reason: 'message too large', message: 'Deze wijziging is te groot om op te slaan.' },
  /**
   * A change would make a safety-plan block or the document structure invalid, or writes under a
   * Yjs client id that belongs to someone else; nothing was stored.
   */
  invalidContent: { code: 4422, reason: 'invalid content', message: 'Deze wijziging is niet geldig en is niet opgeslagen.' },
  /** Storing failed: the document reloads from storage; the client reconnects and sends again. */
  storageFailure: { code: 1011, reason: 'storage failure', message: 'Opslaan lukte even niet. We proberen het opnieuw.' },
  /** The server restarts (a deploy): it stored what it accepted first; the client reconnects. */
  restart: { code: 1012, reason: 'server restart', message: 'Tafel wordt opnieuw gestart. We proberen het opnieuw.' },
} as const satisfies Record<string, { code: number; reason: string; message: string }>;

/** Close codes of the sync endpoint, by name ({@link CloseEvents} without the texts). */
export const CloseCode = Object.fromEntries(Object.entries(CloseEvents).map(([name, e]) => [name, e.code])) as {
  readonly [K in keyof typeof CloseEvents]: (typeof CloseEvents)[K]['code'];
};
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Dutch text shown when the server closes a section with one of these codes. */
export const CLOSE_MESSAGE: Record<number, string> = Object.fromEntries(Object.values(CloseEvents).map((e) => [e.code, e.message]));

/** Largest accepted sync message; a pasted report fits, a flood does not. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Name of the Y.XmlFragment that Tiptap's Collaboration extension binds to. */
export const DOC_FIELD = 'default';

/** Cookie that carries the session. */
export const SESSION_COOKIE = 'tafel_session';
