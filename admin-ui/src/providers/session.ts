import type { SessionUser } from '../types';

const tokenKey = 'livelihood.auth.token';
const userKey = 'livelihood.auth.user';

export interface Session {
  token: string;
  user: SessionUser;
}

export function saveSession(session: Session): void {
  localStorage.setItem(tokenKey, session.token);
  localStorage.setItem(userKey, JSON.stringify(session.user));
}

export function clearSession(): void {
  localStorage.removeItem(tokenKey);
  localStorage.removeItem(userKey);
}

export function readToken(): string | null {
  return localStorage.getItem(tokenKey);
}

export function readUser(): SessionUser | null {
  const raw = localStorage.getItem(userKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    // A value written by an older build: treat it as signed out rather than crash the app.
    return null;
  }
}

/** Fired when the signed-in account's must-change-password state changes, so the console re-renders. */
export const sessionChanged = 'livelihood.session.changed';

/** Records that the account holds a one-time password (or no longer does). */
export function setMustChangePassword(required: boolean): void {
  const user = readUser();
  if (!user || user.mustChangePassword === required) return;
  localStorage.setItem(userKey, JSON.stringify({ ...user, mustChangePassword: required }));
  window.dispatchEvent(new Event(sessionChanged));
}
