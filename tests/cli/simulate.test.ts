import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';

const root = REPO_ROOT;
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'cli/surge-drill.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('surge-drill simulate and replay (real process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'surge-cli-'));
  const runFile = join(dir, 'run.json');

  it('simulates a scenario with a bot and writes a run record; --json gives the outcome', () => {
    const r = cli('simulate', 'scenarios/tutorial.yaml', '--bot', 'guideline', '--seed', '7', '--mode', 'ranked', '--out', runFile, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: 'tutorial', bot: 'guideline', seed: 7, mode: 'ranked' });
    expect(out.breakdown.map((c: { id: string }) => c.id)).toEqual(['goodwill', 'serviceLevel', 'obligations', 'conduct', 'escalation', 'rootCause', 'containment', 'triage']);
    const record = JSON.parse(readFileSync(runFile, 'utf8'));
    expect(record.claimed).toEqual({ score: out.score, grade: out.grade });
    expect(record.actions.length).toBeGreaterThan(0);
  });

  it('replays the saved run to the same verified score', () => {
    const r = cli('replay', runFile, '--json');
    expect(r.status, r.stderr).toBe(0);
    const claimed = JSON.parse(readFileSync(runFile, 'utf8')).claimed;
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: true, score: claimed.score, grade: claimed.grade });
  });

  it('refuses a forged claim with exit 1 and the reason', () => {
    const record = JSON.parse(readFileSync(runFile, 'utf8'));
    record.claimed.score = record.claimed.score === 100 ? 99 : record.claimed.score + 1;
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify(record));
    const r = cli('replay', forged);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('run/score_mismatch');
  });

  it('refuses an unknown scenario and an unreadable file', () => {
    const record = JSON.parse(readFileSync(runFile, 'utf8'));
    record.scenarioId = 'no-such-scenario';
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify(record));
    expect(cli('replay', other).stderr).toContain('scenario/unknown');
    const missing = cli('replay', join(dir, 'missing.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read a run record');
  });

  it('explains bad arguments with usage and exit 2', () => {
    const r = cli('simulate', 'scenarios/tutorial.yaml', '--bot', 'wizard', '--seed', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--bot must be one of');
  });

  it('is deterministic across processes: same seed, same record', () => {
    const a = execFileSync(process.execPath, [join(root, 'cli/surge-drill.js'), 'simulate', 'scenarios/tutorial.yaml', '--bot', 'random', '--seed', '3', '--json'], { cwd: root, encoding: 'utf8' });
    const b = execFileSync(process.execPath, [join(root, 'cli/surge-drill.js'), 'simulate', 'scenarios/tutorial.yaml', '--bot', 'random', '--seed', '3', '--json'], { cwd: root, encoding: 'utf8' });
    expect(a).toBe(b);
  });
});
