import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';

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
export function passwordProblem(password: string, username: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.toLowerCase() === username.trim().toLowerCase()) return 'the password must not be the username';
  if (commonPasswords.has(password.toLowerCase()))
    return 'this password is on a list of common passwords: choose another';
  if (new Set(password).size === 1) return 'the password must not repeat one character';
  return undefined;
}

// No 0/O, 1/l/I: a one-time password is read off a screen or a slip of paper and typed by hand.
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time password: 14 characters from a CSPRNG, about 80 bits. */
export function oneTimePassword(): string {
  return Array.from({ length: 14 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join('');
}
