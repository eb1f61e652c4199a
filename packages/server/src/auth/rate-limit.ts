/** Failures allowed within a window before further attempts are refused. */
export interface ThrottleRule {
  readonly maxFailures: number;
  readonly windowMs: number;
}

/**
 * Login throttling: at most 5 failed attempts per client address and email within 15
 * minutes, and 100 per address whatever the email; beyond that login answers 429 until the
 * oldest failure in the window is 15 minutes old. A success clears the address+email count.
 */
export const LOGIN_THROTTLE = {
  perAccount: { maxFailures: 5, windowMs: 15 * 60_000 },
  perAddress: { maxFailures: 100, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

/**
 * Counts failed logins in memory (one process; a restart forgets them). The clock is a
 * port so tests can move time. At most `maxKeys` keys are kept, least recently used
 * dropped first, so a flood of made-up emails cannot exhaust memory.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    private readonly rules: {
      perAccount: ThrottleRule;
      perAddress: ThrottleRule;
    } = LOGIN_THROTTLE,
    private readonly maxKeys = 50_000,
  ) {}

  /**
   * Counts an attempt before the password is checked, so that concurrent requests cannot
   * slip past the limit; returns the seconds to wait (and counts nothing) when over it.
   */
  attempt(address: string, email: string): number | null {
    const waits = [
      this.wait(accountKey(address, email), this.rules.perAccount),
      this.wait(addressKey(address), this.rules.perAddress),
    ].filter((w): w is number => w !== null);
    if (waits.length > 0) return Math.max(...waits);
    this.record(accountKey(address, email), this.rules.perAccount);
    this.record(addressKey(address), this.rules.perAddress);
    return null;
  }

  /** The attempt succeeded: the address+email count starts again and it is not held against the address. */
  succeed(address: string, email: string): void {
    this.failures.delete(accountKey(address, email));
    this.failures.get(addressKey(address))?.pop();
  }

  private recent(key: string, rule: ThrottleRule): number[] {
    const since = this.now().getTime() - rule.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }

  private wait(key: string, rule: ThrottleRule): number | null {
    const kept = this.recent(key, rule);
    if (kept.length < rule.maxFailures) return null;
    const oldest = kept[kept.length - rule.maxFailures] ?? this.now().getTime();
    return Math.max(1, Math.ceil((oldest + rule.windowMs - this.now().getTime()) / 1000));
  }

  private record(key: string, rule: ThrottleRule): void {
    const kept = this.recent(key, rule);
    kept.push(this.now().getTime());
    // Re-inserting moves the key to the end: the map's order is least recently used first.
    this.failures.delete(key);
    this.failures.set(key, kept.slice(-rule.maxFailures));
    while (this.failures.size > this.maxKeys) {
      const first = this.failures.keys().next();
      if (first.done) break;
      this.failures.delete(first.value);
    }
  }
}

const accountKey = (address: string, email: string) => `account\n${address}\n${email}`;
const addressKey = (address: string) => `address\n${address}`;
