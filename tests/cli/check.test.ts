import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** The tutorial with a rule against a practice nothing detects: valid, with one warning. */
function tutorialForbiddingQueueJumping(): string {
  const file = join(scratch, 'tutorial.yaml');
  const rule = '    - { rule: "9.9", kind: queueJumping, text: No queue-jumping for the loudest }\n';
  writeFileSync(file, readFileSync(join(root, 'scenarios/tutorial.yaml'), 'utf8').replace(/forbidden:\n/, `forbidden:\n${rule}`));
  return file;
}

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

  it('reports the trainer\'s reported mistakes with the field, what was found and what is allowed', () => {
    const file = join(scratch, 'tutorial.yaml');
    const text = readFileSync(join(root, 'scenarios/tutorial.yaml'), 'utf8')
      .replace('needs: { role: comms, withinMinutes: 20 }', 'needs: { withinMinutes: 20 }')
      .replace('needs: { role: legal, withinMinutes: 20 }', 'needs: { role: legal, withinMinutes: -5 }')
      .replace('with a {item} at Christmas', 'with a {wheel-chair} at Christmas');
    writeFileSync(file, text);
    const r = cli('check', file);
    expect(r.code).toBe(1);
    const messages = r.err.trim().split('\n').slice(0, -2).map((l) => l.slice(l.indexOf(' ') + 1));
    // Template positions follow the tutorial's order; the messages are what this test pins.
    expect(messages.map((m) => m.replace(/^templates\[\d+\]/, 'templates[i]'))).toEqual([
      'templates[i].needs.role: missing required field "role" (expected one of "teamLead", "comms", "legal", "hr", "backOffice")',
      'templates[i].needs.withinMinutes: found -5; allowed: a whole number from 1 to 1440',
      expect.stringMatching(/^templates\[i\]\.text: malformed placeholder \{wheel-chair\}: .* \(known: \{brand\}, \{item\}, /),
    ]);
    expect(r.err).not.toMatch(/undefined|Too small/);
  });

  it('shows warnings apart from errors and exits 0 with them', () => {
    const file = tutorialForbiddingQueueJumping();
    const r = cli('check', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok  .*tutorial\.yaml  \(tutorial, /);
    expect(r.err).toMatch(/tutorial\.yaml:\d+:\d+ guideline\.forbidden\[0\]\.kind: warning: "queueJumping" is forbidden, but no action on the desk can commit it, so rule 9\.9 will never be cited \[undetected-practice\]\n/);
    expect(r.err).toContain('1 of 1 scenario file with warnings');
  });

  it('with --strict, exits 1 on warnings and still 0 on a clean file', () => {
    const file = tutorialForbiddingQueueJumping();
    const strict = cli('check', '--strict', file);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('1 of 1 scenario file with warnings (--strict: counted as failures)');
    expect(cli('check', '--strict', 'scenarios/tutorial.yaml').code).toBe(0);
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
