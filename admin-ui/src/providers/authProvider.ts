import type { AuthProvider } from 'react-admin';
import type { SessionUser } from '../types';
import { fetchJsonIn } from './refusals';
import { clearSession, readToken, readUser, saveSession, setMustChangePassword } from './session';

interface LoginResponse {
  token: string;
  user: SessionUser;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}

function codeOf(error: unknown): unknown {
  const body = typeof error === 'object' && error !== null && 'body' in error ? error.body : undefined;
  return typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    // A refusal rejects with its sentence in the console's language, which the login form shows as is.
    const { json } = await fetchJsonIn('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    saveSession(json as LoginResponse);
  },

  async logout() {
    const token = readToken();
    clearSession();
    // The server revokes the session, so a copied token stops working too; signing out locally
    // never waits on the network (an expired session answers 401, which is fine).
    if (token) {
      await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
    }
  },

  async checkAuth() {
    if (!readToken() || !readUser()) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: unknown) {
    // Only an expired or unknown token ends the session; a 403 is a refused action that the
    // screen reports with the API's message.
    if (statusOf(error) === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // The office reset this account's password: only the change form until it is replaced.
    if (statusOf(error) === 403 && codeOf(error) === 'passwordChangeRequired') setMustChangePassword(true);
  },

  async getPermissions() {
    return readUser()?.roles ?? [];
  },

  async getIdentity() {
    const user = readUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName };
  },
};
