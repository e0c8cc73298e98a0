import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm test` on a fresh machine (issue 13, finding 9): without Debian's Chromium the test command
 * must install it (root with apt-get) or stop at once with one line saying how — never start Vitest
 * and fail inside a browser test.
 */
const root = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'surge-fresh-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH holding only node, npm and sh (plus `extra` scripts): a machine without apt-get or Chromium. */
function freshBin(name: string, extra: Record<string, string> = {}): string {
  const bin = join(scratch, name);
  spawnSync('mkdir', ['-p', bin]);
  for (const tool of ['node', 'npm', 'sh']) {
    const target = spawnSync('sh', ['-c', `command -v ${tool}`]).stdout.toString().trim();
    symlinkSync(target, join(bin, tool));
  }
  for (const [tool, script] of Object.entries(extra)) {
    writeFileSync(join(bin, tool), script);
    chmodSync(join(bin, tool), 0o755);
  }
  return bin;
}

const missingChromium = () => join(scratch, `chromium-${Math.random().toString(36).slice(2)}`);

describe('npm test on a machine without Chromium', () => {
  it('stops before Vitest starts, with one line saying how to install it, when it cannot install', () => {
    const result = spawnSync('npm', ['test', '--silent', '--', '--project', 'core', 'tests/no-such-test-file'], {
      cwd: root,
      env: { ...process.env, PATH: freshBin('no-apt'), CHROMIUM_PATH: missingChromium() },
      timeout: 60_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    expect(result.status).toBe(1);
    expect(output).not.toMatch(/RUN\s+v\d|No test files found/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install chromium/);
  });

  it('installs Chromium through apt-get when running as root with apt-get', () => {
    const chromium = missingChromium();
    const log = join(scratch, 'apt.log');
    // A stand-in apt-get that records its arguments and "installs" Chromium where the check looks.
    const aptGet = `#!/bin/sh\necho "$@" >> ${log}\ncase "$1" in install) : > ${chromium};; esac\n`;
    const result = spawnSync('node', ['--import', 'tsx', 'scripts/ensure-test-deps.ts'], {
      cwd: root,
      env: { ...process.env, PATH: freshBin('with-apt', { 'apt-get': aptGet }), CHROMIUM_PATH: chromium },
      timeout: 60_000,
    });
    if (process.getuid?.() === 0) {
      expect(result.status, result.stderr.toString()).toBe(0);
      expect(readFileSync(log, 'utf8')).toMatch(/^update[^\n]*\ninstall -y -qq chromium\n$/);
      expect(existsSync(chromium)).toBe(true);
    } else {
      // Not root: apt-get cannot install, so the same one-line instruction.
      expect(result.status).toBe(1);
      expect(result.stderr.toString()).toMatch(/sudo apt-get install chromium/);
    }
  });
});
