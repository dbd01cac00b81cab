import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { redirectSignedOutToLogin } from './providers/signedOutRedirect';
import { PublicApp } from './public/PublicApp';
import { isPublicHash } from './public/publicRoutes';

/**
 * Which app the hash asks for: the public site (no login) or the console. Listening from here, before
 * either app's router, lets the switch happen in the same event that changed the hash, so the
 * console never routes #/public (and, signed out, never redirects it to the login page).
 */
redirectSignedOutToLogin();
let publicSite = isPublicHash(window.location.hash);
const listeners = new Set<() => void>();
const onLocationChange = () => {
  // Registered before the console's router, so a signed-out visitor's new console address is already
  // #/login when the router reads it.
  redirectSignedOutToLogin();
  const next = isPublicHash(window.location.hash);
  if (next === publicSite) return;
  publicSite = next;
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', onLocationChange);
window.addEventListener('hashchange', onLocationChange);
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const Root = () => (useSyncExternalStore(subscribe, () => publicSite) ? <PublicApp /> : <App />);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
