import { isPublicHash } from '../public/publicRoutes';
import { readToken, readUser } from './session';

const loginHash = /^#\/login(?:[?/]|$)/;

/**
 * Sends a signed-out visitor of a console address straight to `#/login`, before react-admin routes it.
 * Left to react-admin (`requireAuth`), the failed checkAuth mounts a logout whose store reset re-runs
 * checkAuth and getPermissions, which mounts the logout again: thousands of rounds starve the router's
 * pending navigation to the login page and freeze the tab for seconds. The address asked for rides along
 * as react-router's location state (`nextPathname`), so react-admin's login opens it after sign-in.
 * Returns true when it redirected.
 */
export function redirectSignedOutToLogin(): boolean {
  if (readToken() && readUser()) return false;
  const { hash } = window.location;
  if (loginHash.test(hash) || isPublicHash(hash)) return false;
  const target = hash.replace(/^#/, '') || '/';
  const queryAt = target.indexOf('?');
  const nextPathname = queryAt < 0 ? target : target.slice(0, queryAt);
  const nextSearch = queryAt < 0 ? '' : target.slice(queryAt);
  // The shape react-router's hash history keeps in history.state: `usr` is what useLocation().state returns.
  window.history.replaceState({ usr: { nextPathname, nextSearch }, key: 'signed-out', idx: 0 }, '', '#/login');
  return true;
}
