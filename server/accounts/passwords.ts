/**
 * Password hashing with argon2id. Parameters follow the OWASP recommendation for argon2id
 * (19 MiB, 2 passes, 1 lane): about 10–40 ms per hash on a server core.
 */
import { type Algorithm, hash, type Options, parseOptions, verify } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum, which erasable TypeScript cannot reference at run time;
// 2 is its Argon2id member.
const ARGON2ID = 2 satisfies Algorithm;

/** The hashing policy; change it freely: older hashes still verify and are upgraded at sign-in. */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/**
 * A hash of a random password nobody knows, made with the policy above. Sign-in verifies against
 * it when the email is unknown, so that answer takes as long as a wrong password.
 * A unit test checks it still matches PASSWORD_HASH_OPTIONS.
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$3oW9v6CqkSJPtirPkT/Rig$j4yKwSvHP6dLs3nzp0sW7urv45P5LPSo04zuLnvxT1k";

/** Hashes a password into a PHC string (algorithm, parameters and salt included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** True when `password` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spends the time of one verification and returns false: for unknown emails. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(DUMMY_PASSWORD_HASH, password);
  return false;
}

/** True when a stored hash was made with other parameters than today's policy. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
