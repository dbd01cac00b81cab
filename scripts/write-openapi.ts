/** `npm run openapi`: writes api/openapi.json from the routes' table and zod schemas (api/openapi.ts). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApiJson } from '../api/openapi';
import { apiRoutes } from '../api/routes';
import { projectRoot } from './toolPaths';

const target = path.join(projectRoot, 'api', 'openapi.json');
await writeFile(target, openApiJson(apiRoutes));
console.log(`openapi: wrote ${path.relative(projectRoot, target)}`);
