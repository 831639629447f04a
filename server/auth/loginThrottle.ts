/** A key to count failed attempts under (sign-ins, unknown case numbers), with its own ceiling. */
export interface ThrottleKey {
  key: string;
  max: number;
}

/**
 * How sign-in guessing is held back (see `LoginThrottle`). Counts are of failed attempts in the
 * last 15 minutes.
 */
export const LOGIN_LIMITS = {
  /** Wrong passwords for one account from one address; then that pair is refused (429). */
  perEmailAndAddress: 10,
  /** Wrong passwords from one address over all accounts (password spraying); then 429. */
  perAddress: 50,
  /** Wrong passwords for one account from anywhere after which every attempt on it waits. */
  slowdownAfter: 5,
  /** The first wait; it doubles with each further failure, up to `maxDelayMs`. */
  firstDelayMs: 250,
  maxDelayMs: 4000,
} as const;

/** The most timestamps kept per key: more than any ceiling or delay step needs. */
const KEPT_PER_KEY = 64;

/**
 * Limits failed attempts in a sliding window. Kept in memory: with several processes each counts
 * its own, which still bounds guessing to a small multiple.
 *
 * For sign-in, no count on the account alone ever refuses: if it did (as it once did, 10 wrong
 * guesses and the account was shut for 15 minutes), anyone who knows an e-mail address could keep
 * its owner out of Tafel at will — during a crisis, say. So:
 * - a hard limit (429) per account *and* address: a guesser at one address gets 10 tries at an
 *   account, while the owner at her own address is not touched by it;
 * - a hard limit per address over all accounts, against trying one password on many accounts;
 * - per account, from anywhere, a slowdown instead of a lock: after 5 failures every attempt on
 *   that account waits 0.25 s, doubling per further failure, at most 4 s. A guesser with many
 *   addresses pays that on every try; the owner signs in after at most a few seconds. The wait
 *   comes before the password is checked, right or wrong, so it says nothing about the guess.
 * Addresses are the connection's unless `TAFEL_TRUST_PROXY` names the proxy in front (Fastify's
 * `trustProxy`), so rotating `X-Forwarded-For` gives no fresh address. Success clears the
 * account-and-address count only: clearing the account's count would give a guesser a fresh run
 * of undelayed tries each time the owner signs in.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private failsSinceSweep = 0;

  constructor(private readonly windowMs = 15 * 60_000) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(keys: readonly ThrottleKey[], now = Date.now()): number {
    let wait = 0;
    for (const { key, max } of keys) {
      const recent = this.recent(key, now);
      // Allowed again when enough of the recent failures have left the window to be under `max`.
      if (recent.length >= max) wait = Math.max(wait, Math.ceil((recent[recent.length - max]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: readonly ThrottleKey[], now = Date.now()): void {
    for (const { key } of keys) this.failures.set(key, [...this.recent(key, now), now].slice(-KEPT_PER_KEY));
    if (++this.failsSinceSweep >= 1000) this.sweep(now);
  }

  succeed(keys: readonly ThrottleKey[]): void {
    for (const { key } of keys) this.failures.delete(key);
  }

  /** The keys a sign-in refuses on (429): this account from this address, and this address. */
  static loginKeys(email: string, address: string): ThrottleKey[] {
    return [
      { key: `ip:${address}`, max: LOGIN_LIMITS.perAddress },
      { key: `email+ip:${email} ${address}`, max: LOGIN_LIMITS.perEmailAndAddress },
    ];
  }

  /** How long a sign-in for this account waits before its password is checked, in ms. */
  loginDelayMs(email: string, now = Date.now()): number {
    const over = this.recent(emailKey(email), now).length - LOGIN_LIMITS.slowdownAfter;
    if (over < 0) return 0;
    return Math.min(LOGIN_LIMITS.maxDelayMs, LOGIN_LIMITS.firstDelayMs * 2 ** Math.min(over, 16));
  }

  loginFailed(email: string, address: string, now = Date.now()): void {
    this.fail([...LoginThrottle.loginKeys(email, address), { key: emailKey(email), max: Number.POSITIVE_INFINITY }], now);
  }

  loginSucceeded(email: string, address: string): void {
    this.succeed([LoginThrottle.loginKeys(email, address)[1]!]);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  /** Forgets keys with nothing left in the window, so a spray over many accounts does not stay in memory. */
  private sweep(now: number): void {
    this.failsSinceSweep = 0;
    for (const [key, times] of this.failures) if (!times.some((t) => t > now - this.windowMs)) this.failures.delete(key);
  }
}

const emailKey = (email: string) => `email:${email}`;
