import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { OIDC_FAILURE_PARAM, type SignInOptions } from '../../shared/signIn.ts';
import { OidcRefusal } from '../auth/oidcClients.ts';
import { PENDING_LOGIN_MINUTES } from '../auth/oidcPending.ts';
import type { Services } from '../services.ts';
import { parse } from './errors.ts';
import { startSession } from './signedIn.ts';

/** Binds a sign-in at a provider to the browser that started it (server/auth/oidcPending.ts). */
const OIDC_COOKIE = 'tafel_oidc';
const OIDC_COOKIE_PATH = '/api/auth/oidc/';

const ProviderParam = z.object({ provider: z.string().min(1).max(80) });
const StartQuery = z.object({ uitnodiging: z.string().min(10).max(100).optional() });

/**
 * Sign-in through an OpenID Connect provider (server/auth/oidcSignIn.ts). Both routes are browser
 * navigations: `start` sends the browser to the provider, `callback` is where it comes back. The
 * callback either signs in (session cookie, to the app or the invited case) or sends the browser
 * to the sign-in page with `?aanmelden=<reason>`, which the page says in Dutch: no stack trace, no
 * provider error text, and no session.
 */
export function oidcRoutes(app: FastifyInstance, s: Services, secureCookies: boolean): void {
  app.get('/api/auth/options', async (): Promise<SignInOptions> => s.oidc.options());

  app.get('/api/auth/oidc/:provider/start', async (req, reply) => {
    const { provider } = parse(ProviderParam, req.params, 'params');
    const { uitnodiging } = parse(StartQuery, req.query, 'query');
    try {
      const { cookie, url } = await s.oidc.start(provider, uitnodiging);
      // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
      reply.setCookie(OIDC_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', path: OIDC_COOKIE_PATH, secure: secureCookies, maxAge: PENDING_LOGIN_MINUTES * 60 });
      return reply.redirect(url.href, 303);
    } catch (e) {
      return refused(s, reply, provider, e);
    }
  });

  app.get('/api/auth/oidc/:provider/callback', async (req, reply) => {
    const { provider } = parse(ProviderParam, req.params, 'params');
    const cookie = req.cookies[OIDC_COOKIE];
    reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    try {
      const { userId, caseId } = await s.oidc.finish(provider, cookie, query);
      const account = await s.accounts.byId(userId);
      if (!account) throw new OidcRefusal('onbekend');
      await startSession(s, reply, account, secureCookies, `oidc:${provider}`);
      return reply.redirect(caseId ? `/zaken/${encodeURIComponent(caseId)}` : '/', 303);
    } catch (e) {
      return refused(s, reply, provider, e);
    }
  });
}

/** Back to the sign-in page with the reason; the details go to the server log and the audit log only. */
async function refused(s: Services, reply: FastifyReply, provider: string, e: unknown): Promise<FastifyReply> {
  const refusal = e instanceof OidcRefusal ? e : new OidcRefusal('ongeldig_antwoord', e);
  if (refusal.cause !== undefined && (refusal.code === 'ongeldig_antwoord' || refusal.code === 'onbereikbaar')) s.log(`sign-in through ${provider}: ${refusal.code}`, refusal.cause);
  await s.audit.record({ event: 'aanmelden-mislukt', detail: JSON.stringify({ via: `oidc:${provider}`, reden: refusal.code }) });
  return reply.redirect(`/?${OIDC_FAILURE_PARAM}=${refusal.code}`, 303);
}
