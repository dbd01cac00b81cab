import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Installed by scripts/provision-tools.sh; its version pins and these paths change together. */
export const temporalCliPath = path.join(projectRoot, '.tools/temporal-cli-1.5.1/temporal');
export const timeSkippingServerPath = path.join(projectRoot, '.tools/temporal-test-server-1.31.0/temporal-test-server');
