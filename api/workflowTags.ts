import type { Client } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { searchAttributeNames, type WorkflowTags, workflowSearchAttributes } from '../domain/searchAttributes';

/** gRPC's UNIMPLEMENTED: an engine without an operator service (the time-skipping test server). */
const UNIMPLEMENTED = 12;

const registeredOn = new WeakMap<Client, Promise<boolean>>();

/**
 * Whether the engine has our search attributes (README, "Temporal on PostgreSQL"), asked once per client.
 * An engine refuses to start a workflow with attributes it does not know, and opening a batch matters more
 * than finding it in a list: without them the workflow starts untagged, and so do its children.
 */
function attributesRegistered(temporal: Client): Promise<boolean> {
  let known = registeredOn.get(temporal);
  if (!known) {
    known = temporal.connection.operatorService.listSearchAttributes({ namespace: temporal.options.namespace }).then(
      (answer) => searchAttributeNames.every((name) => name in (answer.customAttributes ?? {})),
      (err: unknown) => {
        if ((err as { code?: unknown }).code === UNIMPLEMENTED) return false;
        // Temporal away: ask again next time; the start itself answers the request's 503.
        registeredOn.delete(temporal);
        throw err;
      },
    );
    registeredOn.set(temporal, known);
  }
  return known;
}

/** The attributes to start a workflow with, or none on an engine that lacks them. */
export async function startSearchAttributes(
  temporal: Client,
  tags: WorkflowTags,
): Promise<SearchAttributePair[] | undefined> {
  return (await attributesRegistered(temporal)) ? workflowSearchAttributes(tags) : undefined;
}
