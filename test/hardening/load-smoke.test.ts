/** A short run of scripts/load-api.ts in CI: reads served while an ingest writes, no errors. */
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/load-api.js';

describe('API under load while an ingest runs', () => {
  it('serves concurrent reads without errors or non-2xx answers', async () => {
    const f = await runLoad({ seconds: 5, connections: 4, docs: 300 });
    console.log(`load-smoke: ${f.requests} requests, p50 ${f.latencyMs.p50} ms, p97.5 ${f.latencyMs.p97_5} ms, ${f.errors} errors, ingest running: ${f.ingestRunning}`);
    // Throughput depends on the shared machine; the figures are in docs/reliability.md, the assertion is on errors.
    expect(f.requests).toBeGreaterThan(0);
    expect(f.errors).toBe(0);
    expect(f.timeouts).toBe(0);
    expect(f.non2xx).toBe(0);
  }, 120_000);
});
