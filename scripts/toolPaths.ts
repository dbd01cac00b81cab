import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Installed by scripts/provision-tools.sh; its version pins and these paths change together. */
export const temporalCliPath = path.join(projectRoot, '.tools/temporal-cli-1.5.1/temporal');
export const timeSkippingServerPath = path.join(projectRoot, '.tools/temporal-test-server-1.31.0/temporal-test-server');
/** The production engine: Temporal's server, its SQL schema tool and the schema of the same version. */
export const temporalServerDir = path.join(projectRoot, '.tools/temporal-server-1.29.1');
export const temporalServerPath = path.join(temporalServerDir, 'temporal-server');
export const temporalSqlToolPath = path.join(temporalServerDir, 'temporal-sql-tool');
export const temporalSchemaDir = path.join(temporalServerDir, 'schema/postgresql/v12');
