import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { searchAttributeNames } from '../domain/searchAttributes';

/** temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD */
const KEYWORD = 2;

/**
 * Registers our search attributes (domain/searchAttributes.ts, all keywords) in a namespace that lacks
 * them, and answers the names it added. The one way the production server gets them: the local launcher
 * (scripts/temporalPostgresServer.ts) calls it, and docker-compose.yml's `temporal-setup` runs this file.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = searchAttributeNames.filter((name) => !(name in (existing.customAttributes ?? {})));
  if (missing.length > 0) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
    });
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const main = async () => {
    // Compose starts this once Temporal reports its namespace; a few tries cover a frontend still warming up.
    for (let attempt = 1; ; attempt++) {
      try {
        const connection = await Connection.connect({ address });
        try {
          const added = await registerSearchAttributes(connection, namespace);
          console.log(
            `search attributes: ${added.length ? `registered ${added.join(', ')}` : 'all present'} in ${namespace}`,
          );
          return;
        } finally {
          await connection.close();
        }
      } catch (err) {
        if (attempt === 10) throw err;
        await new Promise((r) => setTimeout(r, 3_000));
      }
    }
  };
  main().catch((err: unknown) => {
    console.error(`search attributes: ${String(err)}`);
    process.exitCode = 1;
  });
}
