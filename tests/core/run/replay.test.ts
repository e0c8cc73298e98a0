import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../src/core/sim/simulation';
import { makeRunRecord, rebuild, replay } from '../../../src/core/run/run-record';
import type { RunRecord } from '../../../src/core/run/run-record.schema';
import { runBot } from '../../../src/core/bots/bots';
import { hashValue } from '../../../src/core/util/hash';
import { miniScenario } from '../../fixtures/mini-scenario';
import { miniActionArb } from '../../fixtures/mini-actions';
import { goldenRuns } from '../golden/golden-runs';

const HASH = hashValue(miniScenario);
const lookup = (id: string) => (id === miniScenario.id ? { scenario: miniScenario, hash: HASH } : undefined);

function guidelineRecord(seed: number): RunRecord {
  const { sim } = runBot(miniScenario, { seed, mode: 'ranked', bot: 'guideline' });
  return makeRunRecord(sim, HASH);
}

describe('replay', () => {
  it('reproduces a finished run exactly, state and score', () => {
    const { sim, outcome } = runBot(miniScenario, { seed: 12, mode: 'ranked', bot: 'guideline' });
    const result = replay(makeRunRecord(sim, HASH), lookup);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcome).toEqual(outcome);
    expect(hashValue(result.state)).toBe(hashValue(sim.state));
  });

  it('survives a JSON round trip, as a saved file or an HTTP body', () => {
    const record = JSON.parse(JSON.stringify(guidelineRecord(3)));
    expect(replay(record, lookup).ok).toBe(true);
  });

  it('refuses a claimed score that the replay does not reproduce', () => {
    const record = guidelineRecord(4);
    const forged = { ...record, claimed: { score: Math.min(100, record.claimed.score + 3), grade: 'A' as const } };
    const result = replay(forged, lookup);
    expect(result.ok ? '' : result.code).toBe('run/score_mismatch');
  });

  it('refuses a tampered action log', () => {
    const record = guidelineRecord(5);
    const tampered = structuredClone(record);
    tampered.actions[0] = { t: tampered.actions[0]!.t, action: { type: 'post.dm', postId: 99999, text: 'Hi, could you send me your booking reference here?' } };
    const result = replay(tampered, lookup);
    expect(result.ok ? '' : result.code).toBe('run/action_rejected');
  });

  it('refuses actions out of time order or off the step grid', () => {
    const record = guidelineRecord(6);
    const offGrid = structuredClone(record);
    offGrid.actions[0]!.t += 3;
    expect((replay(offGrid, lookup) as { code: string }).code).toBe('run/invalid');
  });

  it('refuses unknown scenarios, other scenario versions and other engine versions', () => {
    const record = guidelineRecord(7);
    expect((replay({ ...record, scenarioId: 'nope' }, lookup) as { code: string }).code).toBe('scenario/unknown');
    expect((replay({ ...record, scenarioHash: '0123456789abcdef' }, lookup) as { code: string }).code).toBe('run/hash_mismatch');
    expect((replay({ ...record, engineVersion: '0.0.1' }, lookup) as { code: string }).code).toBe('run/engine_mismatch');
  });

  it('refuses malformed records with the field that is wrong', () => {
    const result = replay({ scenarioId: 'mini', seed: 'x' }, lookup);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('run/invalid');
    expect(replay(null, lookup).ok).toBe(false);
    expect(replay('[]', lookup).ok).toBe(false);
  });

  it('resumes a run part-way from its log (autosave)', () => {
    const { sim } = runBot(miniScenario, { seed: 8, mode: 'practice', bot: 'guideline' });
    const record = makeRunRecord(sim, HASH);
    const cut = record.actions[Math.floor(record.actions.length / 2)]!.t;
    const partial = rebuild(miniScenario, { ...record, actions: record.actions.filter((a) => a.t <= cut) }, cut);
    expect(partial.ok).toBe(true);
    if (!partial.ok) return;
    expect(partial.sim.state.t).toBe(cut);
    const rest = record.actions.filter((a) => a.t > cut);
    for (const { t, action } of rest) {
      partial.sim.advanceTo(t);
      expect(partial.sim.apply(action).ok).toBe(true);
    }
    expect(partial.sim.finish()).toEqual(sim.outcome());
  });
});

const actionArb = miniActionArb(60);

describe('replay property', () => {
  it('for random seeds and random action logs, the replay equals the original run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1079 }), actionArb), { maxLength: 40 }),
        (seed, plan) => {
          const sim = new Simulation(miniScenario, { seed, mode: 'practice' });
          for (const [step, action] of [...plan].sort((a, b) => a[0] - b[0])) {
            sim.advanceTo(step * 10);
            sim.apply(action);
          }
          const outcome = sim.finish();
          const result = replay(JSON.parse(JSON.stringify(makeRunRecord(sim, HASH))), lookup);
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(result.outcome.score).toBe(outcome.score);
            expect(hashValue(result.state)).toBe(hashValue(sim.state));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('golden runs', () => {
  // A change here means recorded runs no longer replay: bump ENGINE_VERSION with it,
  // then regenerate with `npx tsx tests/golden/update.ts`.
  it('pins the guideline bot and the idle desk on a fixed seed', async () => {
    const { default: expected } = await import('../golden/mini.json', { with: { type: 'json' } });
    expect(goldenRuns()).toEqual(expected);
  });
});
