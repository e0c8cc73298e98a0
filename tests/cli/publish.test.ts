import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenariosResponse } from '../../src/api/index';
import { startServerProcess, type ServerProcess } from '../server/helpers/server-process';
import { REPO_ROOT } from '../repo-root';

/** `surge-drill publish` through the real entry point, against a real server process on 127.0.0.1. */
const AUTHOR_KEY = 'cli-publish-author-key-0123456789';
const scratch = mkdtempSync(join(tmpdir(), 'surge-publish-'));
const keyFile = join(scratch, 'author.key');
writeFileSync(keyFile, `${AUTHOR_KEY}\n`);

/** The tutorial as a trainer's own scenario: a new id, so it is not a shipped one. */
const ownScenario = readFileSync(join(REPO_ROOT, 'scenarios/tutorial.yaml'), 'utf8').replace(/^id: tutorial$/m, 'id: wheelchair-drill');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['cli/surge-drill.js', 'publish', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, SURGE_DRILL_AUTHOR_KEY: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Each test starts the CLI process (tsx compiles it) once or twice: slow on a busy machine. */
const PROCESS_TEST_TIMEOUT_MS = 150_000;

describe('surge-drill publish', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      DATABASE_URL: `sqlite:${join(scratch, 'publish.db')}`,
      AUTHOR_KEY,
      VERIFY_WORKERS: '1',
      LOG_LEVEL: 'info',
      DIST_DIR: join(scratch, 'no-dist'),
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('publishes a file and prints its hash; the server lists it at once', async () => {
    const file = join(scratch, 'wheelchair-drill.yaml');
    writeFileSync(file, ownScenario);
    const r = cli([file, '--server', server.url, '--key-file', keyFile]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^published wheelchair-drill version 1: [0-9a-f]{16}\n$/);
    const hash = r.out.trim().split(': ')[1];
    const { scenarios } = scenariosResponse.parse(await (await fetch(`${server.url}/api/scenarios`)).json());
    expect(scenarios.find((s) => s.id === 'wheelchair-drill')).toMatchObject({ hash, version: 1, source: 'published' });
  }, PROCESS_TEST_TIMEOUT_MS);

  it('prints every located problem of a broken file and publishes nothing', async () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(file, ownScenario.replace(/^id: wheelchair-drill$/m, 'id: broken-draft').replace('postsPerDay:', 'postsPerDya:'));
    const r = cli([file, '--server', server.url], { SURGE_DRILL_AUTHOR_KEY: AUTHOR_KEY });
    expect(r.code).toBe(1);
    const line = ownScenario.split('\n').findIndex((l) => l.includes('postsPerDay:')) + 1;
    expect(r.err).toContain(`${file}:${line}:`);
    expect(r.err).toContain('baseline.postsPerDya: unknown field "postsPerDya" (did you mean "postsPerDay"?)');
    const { scenarios } = scenariosResponse.parse(await (await fetch(`${server.url}/api/scenarios`)).json());
    expect(scenarios.map((s) => s.id)).not.toContain('broken-draft');
  }, PROCESS_TEST_TIMEOUT_MS);

  it('refuses a wrong key and a missing one, and the key never reaches the log', () => {
    const file = join(scratch, 'wheelchair-drill.yaml');
    const wrong = cli([file, '--server', server.url], { SURGE_DRILL_AUTHOR_KEY: 'a-wrong-key-of-some-length' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('HTTP 401');
    const missing = cli([file, '--server', server.url]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no author key');
    expect(server.output()).toContain('/api/scenarios');
    expect(server.output()).not.toContain(AUTHOR_KEY);
    expect(server.output()).not.toContain('a-wrong-key-of-some-length');
  }, PROCESS_TEST_TIMEOUT_MS);
});
