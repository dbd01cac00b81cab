import { describe, expect, it } from 'vitest';
import { defaultMaxCachedWorkflows } from '../../worker/createWorker';

describe("the worker's sticky cache when none is configured", () => {
  it('leaves room in the heap at 4 MB a cached workflow, below the SDK default that ran out of heap at 40,000 open', () => {
    const heap = 4_144; // MiB: Node's default heap limit on this 24 GiB machine
    const sdkDefault = Math.floor(((heap - 200) * 600) / 1024);
    expect(defaultMaxCachedWorkflows(heap)).toBeLessThan(sdkDefault / 2);
    expect(defaultMaxCachedWorkflows(heap) * 4 + 500).toBeLessThanOrEqual(heap);
    // A small heap still caches a few, so a workflow's consecutive tasks need not replay.
    expect(defaultMaxCachedWorkflows(256)).toBe(10);
  });
});
