import type { z } from 'zod';
import { ApiError } from '../../shared/api.ts';

/** An API failure with the server's Dutch message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API and parses the answer with the shared schema, so client and server cannot drift. */
export async function api<T>(method: string, url: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiError.safeParse(json);
    throw new ApiFailure(res.status, err.success ? err.data.error.code : 'unknown', err.success ? err.data.error.message : 'Er ging iets mis.');
  }
  return schema.parse(json);
}
