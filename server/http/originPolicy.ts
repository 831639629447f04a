import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** Whether a browser origin may talk to this server, given the request's own `Host`. */
export type OriginAllowed = (origin: string, host: string | undefined) => boolean;

/**
 * The one origin rule for the sync upgrade and for HTTP state changes: the server's own origin
 * (`http(s)://<Host>`), the public URL's origin, and the extra origins an operator lists in
 * `TAFEL_ALLOWED_ORIGINS` (comma separated).
 */
export function originPolicy(allowedOrigins: string, publicUrl?: string): OriginAllowed {
  const extra = new Set(
    allowedOrigins
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  );
  if (publicUrl) extra.add(new URL(publicUrl).origin);
  return (origin, host) => extra.has(origin) || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
}

const STATE_CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a state change may go ahead: a browser names the page that sent it in `Origin` (on every
 * POST/PUT/PATCH/DELETE, also from a form), which must pass `allowed`; without `Origin`, only
 * `Sec-Fetch-Site: same-origin` passes. A request naming neither is refused: the cookie would be
 * the only proof, and a cookie is exactly what another site can make the browser send.
 */
export function stateChangeAllowed(headers: Record<string, string | string[] | undefined>, allowed: OriginAllowed): boolean {
  const origin = headers.origin;
  const host = typeof headers.host === 'string' ? headers.host : undefined;
  if (typeof origin === 'string') return allowed(origin, host);
  return headers['sec-fetch-site'] === 'same-origin';
}

/**
 * Refuses every state change on `/api/*` from a foreign or unnamed origin with 403, before its
 * body is read or any handler runs: cookie-authenticated changes (cross-site request forgery),
 * and also sign-in and accepting an invitation, which carry no cookie yet but would otherwise let
 * another site sign the browser in to an account of the attacker's choosing (login CSRF).
 */
export function installOriginCheck(app: FastifyInstance, allowed: OriginAllowed): void {
  app.addHook('onRequest', async (req) => {
    if (!STATE_CHANGES.has(req.method) || !req.url.startsWith('/api/')) return;
    if (!stateChangeAllowed(req.headers, allowed)) {
      throw new HttpError(403, 'foreign_origin', 'Dit verzoek komt niet van een pagina van Tafel zelf en is daarom geweigerd. Open Tafel opnieuw en probeer het nog eens.');
    }
  });
}
