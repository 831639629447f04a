import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** A `Host` header that may go into a CSP source as it is: a name or address and a port. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The sync sockets of the host the page came from (`client/editor/useSectionSync.ts` opens `ws(s)://<host>/sync/…`). */
function ownSockets(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Security headers on every answer (pages, assets, API, 404), through helmet. The built client is
 * one script file and one style sheet from the own origin, so no inline script is allowed. Style
 * attributes are: the editor sets them (collaboration carets, table column widths) with
 * `setAttribute('style', …)`; style elements still come only from the own origin (the editor's
 * own base CSS is in `client/styles.css`, Tiptap's `injectCSS` is off). Nobody may frame Tafel,
 * no referrer leaves it (invitation links carry a token), and HSTS is sent only when Tafel is
 * behind HTTPS (`TAFEL_SECURE_COOKIES=true`).
 */
export async function installSecurityHeaders(app: FastifyInstance, secure: boolean): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcElem: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ownSockets],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}
