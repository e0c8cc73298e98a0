import { describe, expect, it } from 'vitest';
import { obligationsOf } from '../../../src/core/index';
import { botRun, EVERY_RUN } from './bot-runs';

/**
 * The ending narrative (written by the scoring) shown on the debrief: each claim it
 * makes about a run is checked against that run's state, for each bot on each
 * shipped scenario. Claims found false today are reported to the scoring's owner
 * rather than pinned here as expected failures.
 */
describe.each(EVERY_RUN)('%s played by the %s bot: the ending narrative is true of the run', (scenarioId, bot) => {
  it('counts the breaches it says', () => {
    const { sim, outcome } = botRun(scenarioId, bot);
    const n = sim.state.breaches.length;
    if (n > 0) expect(outcome.narrative).toContain(`The guideline was broken ${n} time${n === 1 ? '' : 's'} (`);
    else expect(outcome.narrative).not.toContain('The guideline was broken');
  });

  it('credits the root-cause fix only when it was fixed', () => {
    const { sim, outcome } = botRun(scenarioId, bot);
    const fixed = sim.state.rootCause.fixedAt !== undefined;
    expect(outcome.narrative.includes('took away the cause of the complaints')).toBe(fixed);
    expect(outcome.narrative.includes('Nobody fixed the underlying problem')).toBe(!fixed);
    if (!fixed) expect(sim.state.posts.some((p) => p.aboutRootCause)).toBe(true);
  });

  it('states the escalation lag it measured', () => {
    const { sim, outcome } = botRun(scenarioId, bot);
    const lag = Math.floor(sim.state.escalationLagSeconds / 60);
    if (lag > 30) expect(outcome.narrative).toContain(`The desk ran ${lag} minutes behind the situation's true level.`);
    else expect(outcome.narrative).not.toContain('minutes behind');
  });

  it('the score breakdown’s figures are those of the state', () => {
    const { sim, outcome } = botRun(scenarioId, bot);
    const s = sim.state;
    const why = (id: string) => outcome.breakdown.find((c) => c.id === id)!.why;
    expect(why('goodwill')).toContain(`Goodwill ended at ${Math.round(s.goodwill)} of 100`);
    if (s.breaches.length > 0) expect(why('conduct')).toContain(`${s.breaches.length} breach`);
    expect(why('escalation')).toContain(`${Math.floor(s.escalationLagSeconds / 60)} min with the declared level below`);
    expect(why('containment')).toContain(`peaked at ${s.counters.peakNegativePerHour} an hour`);
  });

  it('says the desk kept to the guideline only when no rule was broken, nothing was missed and the desk worked', () => {
    const { scenario, sim, outcome } = botRun(scenarioId, bot);
    const s = sim.state;
    const missed = obligationsOf(scenario, s.guideline).filter((o) => o.status === 'missed').length + s.counters.postNeedsMissed;
    const traineeActed = s.posts.some((p) => p.replies.some((r) => r.by === 'trainee') || p.inDm || p.escalatedTo.length > 0);
    if (outcome.narrative.includes('kept to the guideline throughout')) {
      expect(s.breaches).toHaveLength(0);
      expect(missed).toBe(0);
    }
    if (bot === 'idle') expect(outcome.narrative).not.toContain('kept to the guideline throughout');
    if (!traineeActed) expect(outcome.narrative).not.toMatch(/kept to the guideline/);
  });

  it('mentions the desk\'s replies only when the trainee sent some', () => {
    const { sim, outcome } = botRun(scenarioId, bot);
    const replies = sim.state.posts.flatMap((p) => p.replies.filter((r) => r.by === 'trainee'));
    if (outcome.narrative.includes("screenshots of the desk's replies")) expect(replies.some((r) => r.quality < 0)).toBe(true);
  });

  it('the service level’s reason counts the same customers as its score', () => {
    const { outcome } = botRun(scenarioId, bot);
    const c = outcome.breakdown.find((x) => x.id === 'serviceLevel')!;
    const m = /(\d+) of (\d+) routine customers/.exec(c.why);
    if (m) expect(c.score).toBe(Math.round((Number(m[1]) * 100) / Number(m[2])));
    else expect(c.score).toBe(100);
  });
});

