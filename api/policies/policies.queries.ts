import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** The caller's jurisdiction and its townships: the policies its office sets. */
export function editableJurisdictions(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'parent_id', 'policy'])
    .where((eb) => eb.or([eb('id', '=', jurisdictionId), eb('parent_id', '=', jurisdictionId)]))
    .orderBy('level')
    .orderBy('id')
    .execute();
}

/** One of them, locked while its policy is rewritten. */
export function lockEditable(trx: Transaction<Database>, callerJurisdictionId: string, id: string) {
  return trx
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'parent_id', 'policy'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('id', '=', callerJurisdictionId), eb('parent_id', '=', callerJurisdictionId)]))
    .forUpdate()
    .executeTakeFirst();
}

export async function storePolicy(trx: Transaction<Database>, id: string, policy: Record<string, unknown>) {
  await trx
    .updateTable('jurisdictions')
    .set({ policy: JSON.stringify(policy) })
    .where('id', '=', id)
    .execute();
}
