// Workflow histories as proto JSON, the format `temporal workflow show --output json` writes.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as proto from '@temporalio/proto';

export type History = proto.temporal.api.history.v1.IHistory;

/**
 * Why not `historyToJSON`/`historyFromJSON` from @temporalio/common, which `Worker.runReplayHistory` calls on a
 * JSON history: @grpc/proto-loader holds protobufjs 7 at the top of node_modules, so npm gives
 * @temporalio/common and @temporalio/proto each a nested copy of protobufjs 8, and protojson's
 * `type instanceof Type` check fails across the copies ("type must be a Type"). We convert with the copy that
 * built the history types and hand the worker a decoded History, which it replays as is.
 */
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

interface HistoryType {
  fromObject(object: History): unknown;
}

// Loaded as CommonJS: @temporalio/proto exports a protobufjs Root, which an ES namespace import would wrap.
const requireHere = createRequire(import.meta.url);
const protoRoot = requireHere('@temporalio/proto') as { lookupType(name: string): HistoryType };
const protoJson = createRequire(requireHere.resolve('@temporalio/proto'))('protobufjs/ext/protojson') as ProtoJson;
const historyType = protoRoot.lookupType('temporal.api.history.v1.History');

export function historyToJson(history: History): string {
  return JSON.stringify(protoJson.toJson(historyType, historyType.fromObject(history)), null, 2);
}

export function historyFromJson(json: unknown): History {
  // Unknown fields come from a newer server; the SDK ignores them too.
  return protoJson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
}

/**
 * With RECORD_HISTORIES=1, writes a workflow's history to test/histories/<file> for test/workflows/replay.test.ts
 * (test/histories/README.md, which names each recording and the test that writes it).
 */
export async function recordHistory(handle: { fetchHistory(): Promise<History> }, file: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  await writeFile(path.resolve(import.meta.dirname, '../histories', file), historyToJson(await handle.fetchHistory()));
}
