import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted (bounds the work one login attempt can cause). */
export const MAX_PASSWORD_LENGTH = 1024;

/** scrypt's cost parameters: N = 2^log2N, block size r, parallelism p. */
export interface ScryptCost {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equivalent minimums for scrypt (32 MiB a hash).
 * Every stored hash names its own parameters, so raising them later needs no migration.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 15, r: 8, p: 3 };

/** Hashes and checks passwords; a port so tests can use a cheaper cost. */
export interface PasswordHasher {
  /** A new salted hash of the password, carrying its parameters. */
  hash(password: string): Promise<string>;
  /** Whether the password matches the stored hash; compared in constant time. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Verifies against a hash of no one's password, so unknown emails cost as much time. */
  verifyDecoy(password: string): Promise<void>;
}

const KEY_LENGTH = 64;
const SALT_BYTES = 16;
const STORED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/**
 * Passwords hashed with scrypt (node:crypto) and a random 16-byte salt, stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt, base64>$<key, base64>`.
 */
export function scryptHasher(cost: ScryptCost = DEFAULT_SCRYPT_COST): PasswordHasher {
  let decoy: Promise<string> | undefined;
  const hasher: PasswordHasher = {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, cost);
      return `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(password, stored) {
      const match = STORED.exec(stored);
      if (!match) return false;
      const [, log2N, r, p, salt = '', key = ''] = match;
      const storedCost = { log2N: Number(log2N), r: Number(r), p: Number(p) };
      // Refuse parameters no hash of ours carries rather than spend unbounded memory.
      if (storedCost.log2N < 1 || storedCost.log2N > 20 || storedCost.r < 1 || storedCost.p < 1)
        return false;
      const expected = Buffer.from(key, 'base64');
      const actual = await derive(password, Buffer.from(salt, 'base64'), storedCost);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    async verifyDecoy(password) {
      decoy ??= hasher.hash(randomBytes(16).toString('base64'));
      await hasher.verify(password, await decoy);
    },
  };
  return hasher;
}

/** What is wrong with a proposed password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  return null;
}
