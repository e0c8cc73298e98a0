import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';

/** `surge-drill check` through the real entry point, as a trainer runs it. */
const root = REPO_ROOT;
const broken = 'tests/fixtures/broken-scenario.yaml';
const shipped = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);
const scratch = mkdtempSync(join(tmpdir(), 'surge-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/surge-drill.js', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('surge-drill check', () => {
  it('exits 0 and prints one ok line per valid file', () => {
    const r = cli('check', ...shipped);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(shipped.length);
    shipped.forEach((file, i) => {
      const id = file.replace(/^scenarios\/|\.yaml$/g, '');
      expect(lines[i]).toMatch(new RegExp(`^ok  ${file}  \\(${id}, \\d+ templates, \\d+ injects, \\d+ levels, \\d+ obligations, \\d+ sim min in \\d+ real min\\)$`));
    });
  });

  it('exits 1 and prints every problem as file:line:column field.path: message', () => {
    const r = cli('check', broken);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines.slice(0, 7).map((l) => l.split(': ')[0])).toEqual([
      `${broken}:9:5 channels[0].sharePercent`,
      `${broken}:11:5 channels[0].sharePercnt`,
      `${broken}:18:11 team.agents`,
      `${broken}:38:11 templates[0].text`,
      `${broken}:44:15 templates[1].category`,
      `${broken}:60:62 guideline.levels[1].entry[1].injectFired[0]`,
      `${broken}:65:18 guideline.obligations[0].fromLevel`,
    ]);
    expect(lines[lines.length - 1]).toBe('1 of 1 scenario file with problems');
  });

  it('checks every file even when an earlier one is broken', () => {
    const r = cli('check', broken, 'scenarios/tutorial.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ok  scenarios\/tutorial\.yaml  \(tutorial, /);
    expect(r.err).toContain(`${broken}:65:18 guideline.obligations[0].fromLevel: unknown level "elevatd"`);
    expect(r.err).toContain('1 of 2 scenario files with problems');
  });

  it('reports YAML syntax errors and unreadable files with a location', () => {
    const bad = join(scratch, 'bad-yaml.yaml');
    writeFileSync(bad, 'format: 1\nid: bad-yaml\ntitle: [unclosed\n');
    const r = cli('check', bad, join(scratch, 'missing.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML: `));
    expect(r.err).toContain(`${join(scratch, 'missing.yaml')}:1:1: cannot read the file: no such file`);
  });

  it('exits 2 with the usage when no file is given', () => {
    const r = cli('check');
    expect(r.code).toBe(2);
    expect(r.err).toContain('give one or more scenario files');
    expect(r.err).toContain('surge-drill check FILE...');
  });
});

describe('surge-drill dispatch', () => {
  it('prints the usage with every command when run without arguments, and exits 2', () => {
    const r = cli();
    expect(r.code).toBe(2);
    for (const command of ['check', 'simulate', 'replay', 'balance']) expect(r.out).toContain(`surge-drill ${command}`);
  });

  it('exits 2 on an unknown command and names it', () => {
    const r = cli('chek', 'scenarios/tutorial.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "chek"');
  });

  it('runs through npx as the package bin', () => {
    const r = spawnSync('npx', ['--no-install', 'surge-drill', 'check', 'scenarios/tutorial.yaml'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok  scenarios\/tutorial\.yaml/);
  });
});
