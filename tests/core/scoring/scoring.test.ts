import { describe, expect, it } from 'vitest';
import { gradeFor } from '../../../src/core/scoring/scoring';
import { runBot } from '../../../src/core/bots/bots';
import { Simulation } from '../../../src/core/sim/simulation';
import { miniScenario } from '../../fixtures/mini-scenario';

describe('scoring', () => {
  it('grades by fixed thresholds', () => {
    expect([100, 85, 84, 70, 69, 55, 54, 40, 39, 0].map(gradeFor)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
  });

  it('explains every component: weight from the scenario, 0–100 score, a reason', () => {
    const { outcome } = runBot(miniScenario, { seed: 1, mode: 'practice', bot: 'guideline' });
    const w = miniScenario.scoring.weights;
    expect(outcome.breakdown.map((c) => c.id).sort()).toEqual(Object.keys(w).sort());
    for (const c of outcome.breakdown) {
      expect(c.weight).toBe(w[c.id]);
      expect(Number.isInteger(c.score)).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(100);
      expect(c.why.length).toBeGreaterThan(10);
    }
    const weighted = outcome.breakdown.reduce((n, c) => n + c.weight * c.score, 0) / outcome.breakdown.reduce((n, c) => n + c.weight, 0);
    expect(outcome.score).toBe(Math.round(weighted));
  });

  it('takes 12 conduct points per breach', () => {
    const sim = new Simulation(miniScenario, { seed: 1, mode: 'practice' });
    while (!sim.state.posts.some((p) => p.source === 'instigator')) sim.step();
    const clean = sim.outcome().breakdown.find((c) => c.id === 'conduct')!.score;
    sim.apply({ type: 'post.reply', postId: sim.state.instigatorId!, blocks: ['callUs'], tone: 'neutral' });
    expect(sim.outcome().breakdown.find((c) => c.id === 'conduct')!.score).toBe(clean - 12);
  });

  it('tells a story and lists key moments for the debrief', () => {
    const good = runBot(miniScenario, { seed: 2, mode: 'practice', bot: 'guideline' }).outcome;
    const bad = runBot(miniScenario, { seed: 2, mode: 'practice', bot: 'deleter' }).outcome;
    expect(good.narrative).toContain('The fix by the back office took away the cause');
    expect(bad.narrative).toContain('Nobody fixed the underlying problem');
    expect(good.moments.some((m) => m.kind === 'rootCause' && m.good)).toBe(true);
    expect(bad.moments.some((m) => m.kind === 'breach' && m.good === false)).toBe(true);
    // Moments are in time order, so the debrief can step through them.
    const times = bad.moments.map((m) => m.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
