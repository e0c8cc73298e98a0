import { describe, expect, it } from 'vitest';
import { gradeFor } from '../../../src/core/scoring/scoring';
import { runBot } from '../../../src/core/bots/bots';
import { Simulation } from '../../../src/core/sim/simulation';
import { traineeWorkload } from '../../../src/core/sim/team';
import { shipped } from '../debrief/bot-runs';
import { miniScenario } from '../../fixtures/mini-scenario';
import { CALL_US_REPLY } from '../../fixtures/reply-texts';

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

  it('takes 12 conduct points per breach, counted for the share of the waiting posts the trainee handled', () => {
    const sim = new Simulation(miniScenario, { seed: 1, mode: 'practice' });
    while (!sim.state.posts.some((p) => p.source === 'instigator')) sim.step();
    const conduct = () => sim.outcome().breakdown.find((c) => c.id === 'conduct')!.score;
    expect(conduct()).toBe(0);
    sim.apply({ type: 'post.reply', postId: sim.state.instigatorId!, text: CALL_US_REPLY });
    const { handled, waited } = traineeWorkload(sim.state);
    expect(handled).toBe(1);
    expect(conduct()).toBe(Math.round(((100 - 12) * handled) / waited));
  });

  it('gives an idle desk no conduct points and a guideline desk most of them', () => {
    for (const seed of [1, 2, 3]) {
      const conduct = (bot: 'idle' | 'guideline') =>
        runBot(miniScenario, { seed, mode: 'practice', bot }).outcome.breakdown.find((c) => c.id === 'conduct')!;
      expect(conduct('idle').score).toBe(0);
      expect(conduct('guideline').score).toBeGreaterThanOrEqual(80);
    }
  });

  it('gives full root-cause marks when the guideline\'s own deadline for passing the cause on is met', () => {
    // The tutorial's rule 2.2: pass the fault to the back office within 20 minutes of Level 1.
    const { scenario } = shipped.get('tutorial')!;
    const { sim, outcome } = runBot(scenario, { seed: 1, mode: 'practice', bot: 'guideline' });
    const duty = sim.obligations().find((o) => scenario.guideline.obligations.find((g) => g.id === o.id)?.action === 'fixRootCause');
    expect(duty?.status).toBe('met');
    expect(outcome.breakdown.find((c) => c.id === 'rootCause')!.score).toBe(100);
  });

  it('scores triage accuracy with the scenario\'s weight, and no triage as 0', () => {
    const scenario = { ...miniScenario, scoring: { weights: { ...miniScenario.scoring.weights, triage: 10 } } };
    const sim = new Simulation(scenario, { seed: 1, mode: 'practice' });
    while (sim.state.posts.length < 3) sim.step();
    const triage = () => sim.outcome().breakdown.find((c) => c.id === 'triage')!;
    expect(triage()).toMatchObject({ weight: 10, score: 0 });
    const [a, b] = sim.state.posts;
    sim.apply({ type: 'post.triage', postId: a!.id, category: a!.category, urgent: false });
    sim.step();
    sim.apply({ type: 'post.triage', postId: b!.id, category: b!.category === 'positive' ? 'troll' : 'positive', urgent: false });
    expect(triage()).toMatchObject({ score: 50, why: '1 of 2 posts triaged into their true category.' });
  });

  it('refuses staff who would arrive after the shift ends', () => {
    const sim = new Simulation(miniScenario, { seed: 1, mode: 'practice' });
    const travel = miniScenario.team.callInMinutes * 60;
    while (sim.state.t + travel < sim.state.endT) sim.step();
    expect(sim.apply({ type: 'desk.callInStaff', count: 1 })).toMatchObject({ ok: false, code: 'action/staff_after_shift' });
    expect(sim.state.team.pending).toHaveLength(0);
  });

  it('does not count obligations that fall due after the shift ends', () => {
    const { sim, outcome } = runBot(miniScenario, { seed: 1, mode: 'practice', bot: 'idle' });
    const settled = sim.obligations().filter((o) => o.status === 'met' || o.status === 'metLate' || o.status === 'missed').length;
    const c = sim.state.counters;
    const why = outcome.breakdown.find((x) => x.id === 'obligations')!.why;
    const total = settled + c.postNeedsMet + c.postNeedsLate + c.postNeedsMissed;
    if (total > 0) expect(why).toContain(`of ${total} guideline and post obligations`);
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
