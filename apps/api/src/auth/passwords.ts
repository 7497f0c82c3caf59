/**
 * Password hashing with argon2id. Sign-in verifies against a dummy hash when the username is
 * unknown, so an unknown user and a wrong password cost the same time and cannot be told apart.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): tens of ms on one core of a small server.
 * Hashes run on libuv's thread pool (4 threads by default), which also caps the memory that a
 * burst of sign-ins can take at about 4 × 19 MiB.
 */
/** `Algorithm` is a const enum, which isolated modules cannot read: its Argon2id member, typed. */
const ARGON2ID: Algorithm.Argon2id = 2;

export const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/** A hash with the same parameters as real ones, of a password nobody knows; made once per process. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

/**
 * Whether `password` matches `passwordHash`; with `null` (no such user) it does the same work
 * against the dummy hash and answers false.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await dummy());
  try {
    const matches = await verify(target, password);
    return matches && passwordHash !== null;
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash.
    return false;
  }
}

/** Makes the dummy hash ahead of the first sign-in, so that one is not slower than the rest. */
export async function warmUpPasswords(): Promise<void> {
  await dummy();
}
