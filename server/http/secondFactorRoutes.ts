import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SecondFactorCode, type TotpEnrolled, type TotpEnrolment } from '../../shared/signIn.ts';
import type { ThrottleKey } from '../auth/loginThrottle.ts';
import type { PendingStage } from '../auth/sessions.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/accountStore.ts';
import { HttpError, parse } from './errors.ts';
import { PENDING_COOKIE, PENDING_COOKIE_PATH, startSession } from './signedIn.ts';

/** Wrong codes per account in 15 minutes before it must wait: a guesser gets 5 of a million. */
const CODE_ATTEMPTS = 5;

/**
 * The second step of a password sign-in: setting up TOTP (a secret, confirmed with its first
 * code, then recovery codes shown once) or giving a code. Only a pending session (a right
 * password, `tafel_login` cookie) reaches these routes; success replaces it with a new, signed-in
 * session, so the pending token itself never signs anyone in.
 */
export function secondFactorRoutes(app: FastifyInstance, s: Services, secureCookies: boolean): void {
  app.post('/api/session/totp/enrolment', async (req): Promise<TotpEnrolment> => {
    const { account } = await pendingAccount(s, req, 'totp-enrol');
    const enrolment = await s.secondFactor.begin(account);
    if (!enrolment) throw new HttpError(409, 'conflict', 'Er is al een app ingesteld voor dit account. Log opnieuw in.');
    return enrolment;
  });

  app.post('/api/session/totp/enrolment/confirm', async (req, reply): Promise<TotpEnrolled> => {
    const { account } = await pendingAccount(s, req, 'totp-enrol');
    const { code } = parse(SecondFactorCode, req.body);
    const recoveryCodes = await checked(s, reply, account, () => s.secondFactor.confirm(account.id, code));
    await s.audit.record({ event: 'tweede-factor-ingesteld', userId: account.id });
    const me = await finish(s, req, reply, account, secureCookies, 'wachtwoord+totp');
    return { ...me, recoveryCodes };
  });

  app.post('/api/session/totp', async (req, reply) => {
    const { account } = await pendingAccount(s, req, 'totp');
    const { code } = parse(SecondFactorCode, req.body);
    const recovery = !/^\d{6}$/.test(code);
    await checked(s, reply, account, async () => ((await s.secondFactor.verify(account.id, code)) ? true : null));
    return finish(s, req, reply, account, secureCookies, recovery ? 'wachtwoord+herstelcode' : 'wachtwoord+totp');
  });
}

async function pendingAccount(s: Services, req: FastifyRequest, stage: PendingStage): Promise<{ account: Account }> {
  const pending = await s.sessions.pendingFor(req.cookies[PENDING_COOKIE]);
  const account = pending?.stage === stage ? await s.accounts.byId(pending.userId) : undefined;
  if (!pending || !account) throw new HttpError(401, 'not_signed_in', 'Log eerst opnieuw in met je e-mailadres en wachtwoord.');
  return { account };
}

/** Runs a code check under the per-account limit; a wrong code is 401 and counts. */
async function checked<T>(s: Services, reply: FastifyReply, account: Account, check: () => Promise<T | null>): Promise<T> {
  const keys: ThrottleKey[] = [{ key: `totp:${account.id}`, max: CODE_ATTEMPTS }];
  const wait = s.throttle.retryAfter(keys);
  if (wait > 0) {
    reply.header('Retry-After', String(wait));
    throw new HttpError(429, 'too_many_attempts', `Te veel foute codes. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`);
  }
  const result = await check();
  if (result === null) {
    s.throttle.fail(keys);
    await s.audit.record({ event: 'aanmelden-mislukt', userId: account.id, detail: JSON.stringify({ via: 'tweede-factor' }) });
    throw new HttpError(401, 'bad_code', 'Deze code klopt niet. Kijk in je app en probeer het opnieuw. Een code uit de app werkt maar één keer.', 'code');
  }
  s.throttle.succeed(keys);
  return result;
}

/** Ends the pending session and starts a signed-in one with a new token. */
async function finish(s: Services, req: FastifyRequest, reply: FastifyReply, account: Account, secure: boolean, via: 'wachtwoord+totp' | 'wachtwoord+herstelcode') {
  await s.sessions.destroy(req.cookies[PENDING_COOKIE]);
  reply.clearCookie(PENDING_COOKIE, { path: PENDING_COOKIE_PATH });
  return startSession(s, reply, account, secure, via);
}
