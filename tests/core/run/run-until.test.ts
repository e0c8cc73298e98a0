import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../src/core/debrief/debrief';
import { runBot } from '../../../src/core/bots/bots';
import { makeRunRecord, replay } from '../../../src/core/run/run-record';
import type { RunRecord } from '../../../src/core/run/run-record.schema';
import { replayUntil, scoreAt, truncateRun } from '../../../src/core/run/run-until';
import { runFigures } from '../../../src/core/run/run-figures';
import { Simulation } from '../../../src/core/sim/simulation';
import { hashValue } from '../../../src/core/util/hash';
import { miniScenario } from '../../fixtures/mini-scenario';

const HASH = hashValue(miniScenario);
const lookup = (id: string) => (id === miniScenario.id ? { scenario: miniScenario, hash: HASH } : undefined);
/** 10:30 on the mini scenario's clock, which starts at 09:00. */
const CUT = 90 * 60;

/** A whole shift played by a bot in drill mode. */
function botRecord(seed: number, bot: 'guideline' | 'appeaser' = 'guideline'): RunRecord {
  const { sim } = runBot(miniScenario, { seed, mode: 'drill', bot });
  return makeRunRecord(sim, HASH);
}

/** What the desk showed live at sim second `t`: the same log played step by step, stopped there. */
function liveAt(record: RunRecord, t: number): Simulation {
  const sim = new Simulation(miniScenario, { seed: record.seed, mode: record.mode });
  for (const { t: at, action } of record.actions) {
    if (at > t) break;
    sim.advanceTo(at);
    expect(sim.apply(action)).toEqual({ ok: true });
  }
  sim.advanceTo(t);
  return sim;
}

describe('a run scored as of a moment (a drill ended early)', () => {
  it('scores the run as the live desk stood at that moment, not a shift played out by nobody', () => {
    for (const seed of [1, 2, 3]) {
      const record = botRecord(seed);
      expect(record.actions.some((a) => a.t > CUT)).toBe(true);
      const scored = scoreAt(miniScenario, record, CUT);
      if (!scored.ok) throw new Error(scored.message);
      const live = liveAt(record, CUT);
      expect(scored.sim.state.t).toBe(CUT);
      expect(scored.sim.state.over).toBe(false);
      expect(scored.outcome).toEqual(live.outcome());
      expect(hashValue(scored.sim.state)).toBe(hashValue(live.state));
      // The old way: the actions up to the end, then the rest of the shift played unattended.
      const playedOut = new Simulation(miniScenario, { seed: record.seed, mode: record.mode });
      for (const { t, action } of truncateRun(record, CUT).actions) {
        playedOut.advanceTo(t);
        playedOut.apply(action);
      }
      playedOut.finish();
      expect(playedOut.state.t).toBeGreaterThan(CUT);
    }
  });

  it('reviews only what had happened by then: no post that arrived after the end is quoted or counted', () => {
    const record = botRecord(4, 'appeaser');
    const scored = scoreAt(miniScenario, record, CUT);
    if (!scored.ok) throw new Error(scored.message);
    expect(scored.sim.state.posts.every((p) => p.t <= CUT)).toBe(true);
    const debrief = buildDebrief(miniScenario, scored.sim.state);
    expect(debrief.lessons.length).toBeGreaterThan(0);
    for (const lesson of debrief.lessons) for (const example of lesson.examples) expect(example.t).toBeLessThanOrEqual(CUT);
    for (const moment of scored.outcome.moments) expect(moment.t).toBeLessThanOrEqual(CUT);
  });

  it('verifies a claim made at the cut and refuses the whole shift\'s claim for a cut-short run', () => {
    const record = botRecord(5);
    const scored = scoreAt(miniScenario, record, CUT);
    if (!scored.ok) throw new Error(scored.message);
    const cut = { ...truncateRun(record, CUT), claimed: { score: scored.outcome.score, grade: scored.outcome.grade } };
    const verified = replayUntil(cut, lookup, CUT);
    expect(verified.ok && verified.outcome).toEqual(scored.outcome);
    expect(verified.ok && verified.record.actions.every((a) => a.t <= CUT)).toBe(true);
    // The full shift's claim is not the score at the cut (unless they happen to agree, which this seed does not).
    expect(record.claimed.score).not.toBe(scored.outcome.score);
    const wrong = replayUntil(record, lookup, CUT);
    expect(wrong.ok ? '' : wrong.code).toBe('run/score_mismatch');
    // Cutting at the end of the shift is the full replay.
    const full = replayUntil(record, lookup, miniScenario.duration.simMinutes * 60);
    expect(full.ok && full.outcome).toEqual((replay(record, lookup) as { outcome: unknown }).outcome);
  });
});

describe('run figures', () => {
  it('count every obligation once and agree with the outcome and the debrief of the same state', () => {
    for (const bot of ['guideline', 'appeaser'] as const) {
      const record = botRecord(6, bot);
      const scored = scoreAt(miniScenario, record, CUT);
      if (!scored.ok) throw new Error(scored.message);
      const figures = runFigures(miniScenario, scored.sim.state);
      const o = figures.obligations;
      expect(o.met + o.metLate + o.missed + o.notYetDue).toBe(o.total);
      expect([figures.score, figures.grade, figures.scoredAt]).toEqual([scored.outcome.score, scored.outcome.grade, CUT]);
      expect(figures.lessons.map((l) => l.id)).toEqual(buildDebrief(miniScenario, scored.sim.state).lessons.map((l) => l.id));
      expect(figures.breaches).toHaveLength(scored.sim.state.breaches.length);
    }
  });
});
