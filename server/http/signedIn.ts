import type { FastifyReply } from 'fastify';
import type { Me } from '../../shared/api.ts';
import { homePath } from '../../shared/familyHome.ts';
import { SESSION_COOKIE } from '../../shared/protocol.ts';
import type { Services } from '../services.ts';

/** The cookie of a checked password that waits for its second factor; only the second-factor routes read it. */
export const PENDING_COOKIE = 'tafel_login';
/** Where the pending cookie goes: the sign-in routes, nowhere else. */
export const PENDING_COOKIE_PATH = '/api/session';

/** How someone signed in, for the audit log. */
export type SignInWay = 'wachtwoord' | 'wachtwoord+totp' | 'wachtwoord+herstelcode' | `oidc:${string}`;

/**
 * Starts a signed-in session for this account: the cookie of the contract (DESIGN.md), the audit
 * event, and the answer `GET /api/me` would give. Every way of signing in ends here.
 */
export async function startSession(s: Services, reply: FastifyReply, user: { id: string; email: string; name: string }, secure: boolean, via: SignInWay): Promise<Me> {
  const token = await s.sessions.create(user.id);
  await s.audit.record({ event: 'aanmelden', userId: user.id, ...(via === 'wachtwoord' ? {} : { detail: JSON.stringify({ via }) }) });
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 12 * 3600 });
  return meOf(s, user);
}

export async function meOf(s: Services, user: { id: string; email: string; name: string }): Promise<Me> {
  const cases = await s.cases.casesOf(user.id);
  // Only one case can make "Thuis" the start, so only then the role in it is looked up.
  const role = cases.length === 1 ? (await s.cases.member(cases[0]!.id, user.id))?.role : undefined;
  const home = role ? homePath([{ id: cases[0]!.id, myRole: role }]) : '/';
  return { id: user.id, email: user.email, name: user.name, emergencyStaff: (await s.cases.emergency.staffMember(user.id)) !== undefined, home };
}
