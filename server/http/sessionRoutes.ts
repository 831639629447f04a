import type { FastifyInstance } from 'fastify';
import { LoginRequest } from '../../shared/api.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import { LoginThrottle } from '../auth/loginThrottle.ts';
import { decoyHash, verifyPassword } from '../auth/password.ts';
import type { Services } from '../services.ts';
import { hasPassword } from '../store/accountStore.ts';
import { HttpError, parse } from './errors.ts';
import { oidcRoutes } from './oidcRoutes.ts';
import { requireUser } from './requestContext.ts';
import { secondFactorRoutes } from './secondFactorRoutes.ts';
import { meOf, PENDING_COOKIE, PENDING_COOKIE_PATH, startSession } from './signedIn.ts';

/**
 * Signing in and out. The password sign-in is the contract of DESIGN.md (200 and the session
 * cookie); when the account needs a second factor it answers 202 `{ next }` with a pending
 * cookie instead (secondFactorRoutes.ts). Sign-in through an identity provider: oidcRoutes.ts.
 */
export function sessionRoutes(app: FastifyInstance, s: Services, secureCookies: boolean): void {
  app.post('/api/session', async (req, reply) => {
    const body = parse(LoginRequest, req.body);
    // Limits per address and per account-and-address refuse; the account alone only slows down (see LoginThrottle).
    const wait = s.throttle.retryAfter(LoginThrottle.loginKeys(body.email, req.ip));
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new HttpError(429, 'too_many_attempts', `Te veel pogingen. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`);
    }
    const delay = s.throttle.loginDelayMs(body.email);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const account = await s.accounts.byEmail(body.email);
    // Unknown user, an account without a password (DigiD only) and a wrong password take the same time and give the same answer.
    const ok = await verifyPassword(body.password, account && hasPassword(account) ? account.passwordHash : await decoyHash());
    if (!account || !ok) {
      s.throttle.loginFailed(body.email, req.ip);
      await s.audit.record({ event: 'aanmelden-mislukt', detail: body.email });
      throw new HttpError(401, 'bad_credentials', 'E-mailadres of wachtwoord klopt niet.');
    }
    s.throttle.loginSucceeded(body.email, req.ip);
    const next = await s.secondFactor.stepAfterPassword(account);
    if (next) {
      const pending = await s.sessions.createPending(account.id, next);
      reply.setCookie(PENDING_COOKIE, pending, { httpOnly: true, sameSite: 'strict', path: PENDING_COOKIE_PATH, secure: secureCookies, maxAge: 600 });
      return reply.status(202).send({ next });
    }
    return startSession(s, reply, account, secureCookies, 'wachtwoord');
  });

  app.delete('/api/session', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const user = await s.sessions.userFor(token);
    const sessionId = await s.sessions.destroy(token);
    await s.sessions.destroy(req.cookies[PENDING_COOKIE]);
    // Its open sockets and live-event streams close too, on every process; other sessions of this user stay.
    if (sessionId) s.events.publish({ type: 'session-ended', sessionId });
    if (user) await s.audit.record({ event: 'afmelden', userId: user.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_COOKIE_PATH });
    return { ok: true };
  });

  app.get('/api/me', async (req) => {
    const user = await requireUser(s, req);
    return meOf(s, user);
  });

  secondFactorRoutes(app, s, secureCookies);
  oidcRoutes(app, s, secureCookies);
}
