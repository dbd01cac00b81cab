import type { Role } from '@domain/contract/vocabulary';

/** authProvider.getPermissions resolves to the signed-in user's roles; anything else means none. */
export function hasRole(permissions: unknown, role: Role): boolean {
  return Array.isArray(permissions) && permissions.includes(role);
}
