/**
 * The public site lives under #/public in the same build the API serves; main.tsx renders it instead
 * of the console (which would send a visitor to the login page) whenever the hash is there.
 */
export const publicSiteHref = '#/public';

export const isPublicHash = (hash: string): boolean => /^#\/public(?:[/?]|$)/.test(hash);
