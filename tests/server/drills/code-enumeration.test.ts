import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { bigProgress, miniScenarioDir, postJson, startedDrill } from '../helpers/drill-attack';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { freshDatabaseUrl } from '../helpers/test-app';

/**
 * Issue 13, finding 3: progress posts with a random join code and a fresh random token were
 * never rate-limited and answered 403 for a real code but 404 for an unknown one, so codes
 * could be enumerated. Now both answers are the same, and an address that keeps guessing is
 * refused (429) before it gets far.
 */
const GUESSES = 150;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomCode = () => Array.from(randomBytes(6), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
const randomToken = () => randomBytes(24).toString('base64url');

describe('join codes under enumeration', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => server?.stop('SIGKILL'));

  it('answer a wrong token and an unknown code alike, and stop an address that keeps guessing', async () => {
    server = await startServerProcess({ DATABASE_URL: await freshDatabaseUrl('sqlite'), SCENARIO_DIR: miniScenarioDir(), RATE_LIMIT_PER_MINUTE: '100000' });
    const base = server.url;
    const drill = await startedDrill(base, 1);

    const realCode = await postJson(base, `/api/drills/${drill.code}/progress`, bigProgress(1), randomToken());
    const unknownCode = await postJson(base, `/api/drills/${randomCode()}/progress`, bigProgress(1), randomToken());
    expect(unknownCode).toEqual(realCode);
    const noTokenReal = await fetch(`${base}/api/drills/${drill.code}`);
    const noTokenUnknown = await fetch(`${base}/api/drills/${randomCode()}`);
    expect([noTokenUnknown.status, await noTokenUnknown.json()]).toEqual([noTokenReal.status, await noTokenReal.json()]);

    const statuses: number[] = [];
    for (let i = 0; i < GUESSES; i++) {
      statuses.push((await postJson(base, `/api/drills/${randomCode()}/progress`, bigProgress(1), randomToken())).status);
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(firstRefusal).toBeLessThan(GUESSES / 2);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
    // Guessing by joining counts against the same budget.
    expect((await postJson(base, `/api/drills/${randomCode()}/join`, { name: 'Probe' })).status).toBe(429);
  }, 90_000);
});
