import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Refusal } from '../../domain/contract/refusals';
import { refusal } from '../errors';

/**
 * A policy a person can follow: long enough, not the username, not a password everyone tries first.
 * No rules about character classes: length does more for strength and people remember it.
 */
export const MIN_PASSWORD_LENGTH = 10;

// The 1,000 most common passwords of a public list (SecLists, 10-million-password-list-top-1000).
const commonPasswords = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
);

/** Why this password is refused, in words a person acts on; undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): Refusal | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return refusal('passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (password.toLowerCase() === username.trim().toLowerCase()) return refusal('passwordIsUsername');
  if (commonPasswords.has(password.toLowerCase())) return refusal('passwordCommon');
  if (new Set(password).size === 1) return refusal('passwordRepeats');
  return undefined;
}

// No 0/O, 1/l/I: a one-time password is read off a screen or a slip of paper and typed by hand.
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time password: 14 characters from a CSPRNG, about 80 bits. */
export function oneTimePassword(): string {
  return Array.from({ length: 14 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join('');
}
