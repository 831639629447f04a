/** A key to count failed attempts under (sign-ins, unknown case numbers), with its own ceiling. */
export interface ThrottleKey {
  key: string;
  max: number;
}

/** Failed sign-ins allowed per email and per address within the window. */
export const LOGIN_LIMITS = { perEmail: 10, perAddress: 50 } as const;

/**
 * Limits failed attempts in a sliding window. Kept in memory: with several processes each counts
 * its own, which still bounds guessing to a small multiple.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly windowMs = 15 * 60_000) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(keys: readonly ThrottleKey[], now = Date.now()): number {
    let wait = 0;
    for (const { key, max } of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= max) wait = Math.max(wait, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: readonly ThrottleKey[], now = Date.now()): void {
    for (const { key } of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: readonly ThrottleKey[]): void {
    for (const { key } of keys) if (key.startsWith('email:')) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
