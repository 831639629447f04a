import type { FastifyInstance } from 'fastify';
import { LoginRequest, type Me } from '../../shared/api.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import { LoginThrottle } from '../auth/loginThrottle.ts';
import { decoyHash, verifyPassword } from '../auth/password.ts';
import type { Services } from '../services.ts';
import { HttpError, parse } from './errors.ts';
import { requireUser } from './requestContext.ts';

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
    const user = await s.sql.db.selectFrom('users').selectAll().where('email', '=', body.email).executeTakeFirst();
    // Unknown user and wrong password take the same time and give the same answer.
    const ok = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash()));
    if (!user || !ok) {
      s.throttle.loginFailed(body.email, req.ip);
      await s.audit.record({ event: 'aanmelden-mislukt', detail: body.email });
      throw new HttpError(401, 'bad_credentials', 'E-mailadres of wachtwoord klopt niet.');
    }
    s.throttle.loginSucceeded(body.email, req.ip);
    const token = await s.sessions.create(user.id);
    await s.audit.record({ event: 'aanmelden', userId: user.id });
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies, maxAge: 12 * 3600 });
    return meOf(s, user);
  });

  app.delete('/api/session', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const user = await s.sessions.userFor(token);
    const sessionId = await s.sessions.destroy(token);
    // Its open sockets and live-event streams close too, on every process; other sessions of this user stay.
    if (sessionId) s.fanout.control({ type: 'session-ended', sessionId });
    if (user) await s.audit.record({ event: 'afmelden', userId: user.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/me', async (req) => {
    const user = await requireUser(s, req);
    return meOf(s, user);
  });
}

async function meOf(s: Services, user: { id: string; email: string; name: string }): Promise<Me> {
  return { id: user.id, email: user.email, name: user.name, emergencyStaff: (await s.cases.emergency.staffMember(user.id)) !== undefined };
}
