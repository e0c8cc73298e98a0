import { describe, expect, it, afterAll } from 'vitest';
import { readEnv } from '../../../server/config';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { freshDatabaseUrl } from '../helpers/test-app';
import { miniScenarioDir } from '../helpers/drill-attack';

/**
 * Issue 13, finding 8: with TRUST_PROXY=true the server took the left-most X-Forwarded-For entry
 * as the client, so rotating that (client-written) entry gave a fresh rate-limit budget per request.
 * Now `true` trusts one hop: the address the nearest proxy saw, whatever the client wrote before it.
 */
const LIMIT = 20;

describe('TRUST_PROXY', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => server?.stop('SIGKILL'));

  it('does not let a rotated left-most X-Forwarded-For escape the per-address limit', async () => {
    server = await startServerProcess({ DATABASE_URL: await freshDatabaseUrl('sqlite'), SCENARIO_DIR: miniScenarioDir(), TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT * 2; i++) {
      // The client forges a fresh left-most entry each time; the proxy appends what it saw.
      const forwarded = `10.${i >> 8}.${i & 255}.7, 203.0.113.9`;
      statuses.push((await fetch(`${server.url}/api/scenarios`, { headers: { 'x-forwarded-for': forwarded } })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);
  }, 60_000);

  it('reads a hop count or proxy addresses, and refuses anything else with a clear error', () => {
    expect(readEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(readEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(readEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(() => readEnv({ TRUST_PROXY: 'yes please' })).toThrow(/hop count/);
  });
});
