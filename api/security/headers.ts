import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The console is a built single-page app: its scripts are files from this origin (no inline script in
 * admin-ui/dist/index.html), while MUI's emotion injects <style> elements at run time, hence
 * 'unsafe-inline' for styles only. No page may frame the console or the ballot (clickjacking).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain HTTP on loopback by `npm start`; a TLS proxy in front sets HSTS itself.
    strictTransportSecurity: false,
  });
}
