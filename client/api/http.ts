import type { z } from 'zod';
import { ApiError } from '../../shared/api.ts';
import { recall, remember } from '../local/offlineCache.ts';
import { retryDelay, useConnection } from '../state/connection.ts';

/** What a page says while the server cannot be reached for a read; never the browser's own text. */
export const OFFLINE_MESSAGE = 'Verbinding kwijt, we proberen het opnieuw.';
const FAILED_MESSAGE = 'Er ging iets mis. Probeer het later nog eens.';

/**
 * An API failure with a Dutch message: the server's own, or one of ours (status 0: no answer).
 * `field` names the input it is about, for the form; the message is for people, without it.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(withoutField(message, field));
  }
}

/** The server puts the field's path in front of invalid input ("personId: …", "persons.2.birthDate: …"): that is for the form. */
function withoutField(message: string, field: string | undefined): string {
  const colon = message.indexOf(': ');
  const path = message.slice(0, colon);
  return field && colon > 0 && (path === field || path.endsWith(`.${field}`)) ? message.slice(colon + 2) : message;
}

/** Why a write got no answer, and what to do next; a form that kept what was typed says so in between. */
const NOT_SENT = {
  // The browser knows it is offline: the request did not go out.
  surely: ['Niet verstuurd: er is geen verbinding.', 'Probeer het opnieuw als je weer verbinding hebt.'],
  // The network seemed there: the request may have arrived and only the answer got lost.
  maybe: ['Geen antwoord gekregen: misschien is het niet verstuurd.', 'Kijk of het er staat. Zo niet, probeer het dan opnieuw.'],
} as const;
const TEXT_KEPT = 'Je tekst staat er nog.';

/**
 * A write that got no answer. It is not repeated (done twice is worse than not done), so the
 * message says it may not have gone out, never that we try again.
 */
export class NotSent extends ApiFailure {
  constructor(readonly surely: boolean) {
    super(0, 'offline', notSentText(surely, false));
  }

  /** The message for a form that keeps what was typed, so it can be sent again. */
  get withTextKept(): string {
    return notSentText(this.surely, true);
  }
}

function notSentText(surely: boolean, kept: boolean): string {
  const [what, next] = NOT_SENT[surely ? 'surely' : 'maybe'];
  return kept ? `${what} ${TEXT_KEPT} ${next}` : `${what} ${next}`;
}

/** What a form that keeps its text after a failure shows: that the text is still there, if it was not sent. */
export function messageKeepingText(e: Error): string {
  return e instanceof NotSent ? e.withTextKept : e.message;
}

/** Reads are repeated this many times while the server is away (a restart takes seconds). */
const READ_RETRIES = 4;
/** Answers of a proxy in front of a server that is (re)starting. */
const NOT_THERE_YET = new Set([502, 503, 504]);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls the API and parses the answer with the shared schema, so client and server cannot drift.
 * A read (GET) is repeated with growing pauses while there is no connection; a write is not (it
 * might have been done). Whatever fails, the message is Dutch and meant for people.
 */
export async function api<T>(method: string, url: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  return (await request(method, url, schema, body, false)).data;
}

/**
 * A read that, when the server cannot be reached, gives the last answer kept on this device
 * (`fresh` false) so a page opens offline; see `local/offlineCache.ts` for which reads.
 */
export function apiOrKept<T>(url: string, schema: z.ZodType<T>): Promise<{ data: T; fresh: boolean }> {
  return request('GET', url, schema, undefined, true);
}

async function request<T>(method: string, url: string, schema: z.ZodType<T>, body: unknown, mayUseKept: boolean): Promise<{ data: T; fresh: boolean }> {
  const repeatable = method === 'GET';
  for (let attempt = 0; ; attempt++) {
    let res: Response | null = null;
    try {
      res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      useConnection.getState().lost();
    }
    if (res && !NOT_THERE_YET.has(res.status)) {
      useConnection.getState().reached();
      const data = await parsed(res, schema);
      if (repeatable) void remember(url, data.raw);
      return { data: data.value, fresh: true };
    }
    // Offline, the kept answer at once; with the network there, first a few tries (a restart).
    const kept = mayUseKept && (navigator.onLine === false || attempt >= READ_RETRIES) ? schema.safeParse(await recall(url)) : null;
    if (kept?.success) return { data: kept.data, fresh: false };
    if (!repeatable) throw new NotSent(navigator.onLine === false);
    if (attempt >= READ_RETRIES) throw new ApiFailure(0, 'offline', OFFLINE_MESSAGE);
    await pause(retryDelay(attempt));
  }
}

async function parsed<T>(res: Response, schema: z.ZodType<T>): Promise<{ value: T; raw: unknown }> {
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiError.safeParse(json);
    if (!err.success) throw new ApiFailure(res.status, 'unknown', FAILED_MESSAGE);
    throw new ApiFailure(res.status, err.data.error.code, err.data.error.message, err.data.error.field);
  }
  const checked = schema.safeParse(json);
  // An answer of another shape (an older server during a deploy) is a failure, said in Dutch.
  if (!checked.success) throw new ApiFailure(res.status, 'unexpected', FAILED_MESSAGE);
  return { value: checked.data, raw: json };
}

/** A server-sent event's data parsed with the shared schema; null for a line that is not JSON or not of that shape. */
export function eventData<T extends z.ZodType>(schema: T, event: MessageEvent): z.infer<T> | null {
  let data: unknown = null;
  try {
    data = JSON.parse(String(event.data));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
