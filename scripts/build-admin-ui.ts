/**
 * Builds admin-ui/dist when a source is newer than the build (npm test runs this before the browser
 * tests, which use the production build the API serves). Exits with vite's code.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { adminUiBuildIsStale, viteBuildArgs } from './adminUiBuild';
import { projectRoot } from './toolPaths';

if (!adminUiBuildIsStale()) {
  console.log('admin UI is up to date (admin-ui/dist)');
} else {
  console.log('building the admin UI (vite)');
  const vite = spawnSync(path.join(projectRoot, 'node_modules/.bin/vite'), viteBuildArgs, {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  process.exitCode = vite.status ?? 1;
}
