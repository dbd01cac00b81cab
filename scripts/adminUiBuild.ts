import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './toolPaths';

export const adminUiDir = path.join(projectRoot, 'admin-ui');
export const adminUiDist = path.join(adminUiDir, 'dist');
export const viteBuildArgs = ['build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn'];

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when admin-ui/dist is missing or older than a source; the lockfile counts, since an upgrade changes the bundle. */
export function adminUiBuildIsStale(): boolean {
  const built = path.join(adminUiDist, 'index.html');
  const sources = Math.max(newestSourceTime(adminUiDir), statSync(path.join(projectRoot, 'package-lock.json')).mtimeMs);
  return !existsSync(built) || statSync(built).mtimeMs < sources;
}
