import { describe, expect, it } from 'vitest';
import { obligationsOf, ROLES, type Lesson } from '../../../src/core/index';
import { makeContext } from '../../../src/core/debrief/debrief-context';
import { personalDataLesson, trollLesson } from '../../../src/core/debrief/lessons-conduct';
import { postsNeeding } from '../../../src/core/debrief/lessons-escalation';
import { routinePercent, routineService } from '../../../src/core/debrief/lessons-service';
import { botRun, EVERY_RUN } from './bot-runs';

/**
 * Every figure the debrief shows, checked against the state it was computed from,
 * for each bot on each shipped scenario: the counts must agree with the simulation's
 * own counters (which the score uses), so the debrief and the score never contradict.
 */
const figure = (l: Lesson | undefined, key: string) => l?.figures.find((f) => f.key === key);

describe.each(EVERY_RUN)('%s played by the %s bot: the debrief’s figures agree with the state', (scenarioId, bot) => {
  const run = () => botRun(scenarioId, bot);
  const lesson = (id: string) => run().debrief.lessons.find((l) => l.id === id);

  it('posts that needed a role: on time, late and never add up to the counters the score uses', () => {
    const { scenario, sim } = run();
    const ctx = makeContext(scenario, sim.state);
    const totals = { onTime: 0, late: 0, never: 0 };
    for (const role of ROLES) {
      const due = postsNeeding(ctx, role);
      totals.onTime += due.onTime.length;
      totals.late += due.late.length;
      totals.never += due.never.length;
    }
    const c = sim.state.counters;
    expect(totals).toEqual({ onTime: c.postNeedsMet, late: c.postNeedsLate, never: c.postNeedsMissed });
    for (const role of ['legal', 'comms', 'hr'] as const) {
      const l = lesson(`escalate-${role}`);
      if (!l) continue;
      const due = postsNeeding(ctx, role);
      const counted = due.onTime.length + due.late.length + due.never.length;
      expect(figure(l, 'due')!.count).toBe(counted);
      expect(figure(l, 'never')).toMatchObject({ count: due.never.length, of: counted });
      if (counted > 0) expect(l.summary).toContain(`${counted} post${counted === 1 ? '' : 's'} needed`);
    }
  });

  it('routine service level: the lesson’s count and percentage are the HUD’s', () => {
    const { scenario, sim } = run();
    const r = routineService(makeContext(scenario, sim.state));
    const c = sim.state.counters;
    expect(r.inTarget.length).toBe(c.routineInTarget);
    expect(r.inTarget.length + r.late.length + r.dropped.length).toBe(c.routineDue);
    expect(routinePercent(r)).toBe(sim.serviceLevel());
    expect(routinePercent(r)).toBe(sim.state.history.at(-1)!.serviceLevel);
    const l = lesson('fast-lane');
    if (l) {
      expect(figure(l, 'percent')!.count).toBe(sim.serviceLevel());
      expect(l.summary).toContain(`${c.routineInTarget} of ${figure(l, 'inTarget')!.of} answered within target`);
    }
  });

  it('breaches: each conduct lesson counts exactly the breaches of its kinds', () => {
    const { sim, debrief } = run();
    for (const l of debrief.lessons) {
      for (const f of l.figures) {
        const kindCount = sim.state.breaches.filter((b) => b.kind === f.key).length;
        if (['deletedCriticism', 'hidLegitimatePost', 'publicCompensation', 'pushedToPhone', 'cannedRepeat', 'inconsistentAnswer', 'repliedMoreThanTwice', 'defensiveTone'].includes(f.key)) {
          expect(f.count, `${l.id}/${f.key}`).toBe(kindCount);
        }
      }
    }
    const pd = lesson('personal-data-to-dm');
    if (pd) expect(figure(pd, 'askedInPublic')!.count).toBe(sim.state.breaches.filter((b) => b.kind === 'personalDataInPublic').length);
  });

  it('personal data: every post that showed it is counted once', () => {
    const { sim, scenario } = run();
    // Built directly: on a busy run the lesson may be past the cap of lessons shown.
    const l = personalDataLesson(makeContext(scenario, sim.state));
    const shown = sim.state.posts.filter((p) => p.flags.includes('personalData'));
    if (!l) {
      expect(shown).toHaveLength(0);
      return;
    }
    const deleted = shown.filter((p) => p.status === 'deleted').length;
    const parts = ['handled', 'hiddenOnly', 'leftPublic'].map((k) => figure(l, k)!.count);
    expect(parts.reduce((a, b) => a + b, 0) + deleted).toBe(shown.length);
    expect(figure(l, 'handled')!.count).toBe(shown.filter((p) => p.status === 'hidden' && p.inDm).length);
  });

  it('trolls: the abusive and troll posts, and the ones answered in public', () => {
    const { sim, scenario } = run();
    // Built directly: on a busy run the lesson may be past the cap of lessons shown.
    const l = trollLesson(makeContext(scenario, sim.state));
    const trolling = sim.state.posts.filter((p) => p.category === 'troll' || p.flags.includes('abuse'));
    if (!l) return expect(trolling).toHaveLength(0);
    expect(figure(l, 'trolling')!.count).toBe(trolling.length);
    expect(figure(l, 'fed')!.count).toBe(trolling.filter((p) => p.replies.some((r) => r.by === 'trainee')).length);
    expect(l.summary).toContain(`you replied in public to ${figure(l, 'fed')!.count} and hid ${figure(l, 'hidden')!.count}`);
  });

  it('level, triage and obligations: the lesson figures are the state’s', () => {
    const { sim, scenario } = run();
    const s = sim.state;
    const level = lesson('declare-the-level');
    if (level) {
      expect(figure(level, 'minutesBelow')!.count).toBe(Math.floor(s.escalationLagSeconds / 60));
      expect(level.summary).toContain(`In all, ${Math.floor(s.escalationLagSeconds / 60)} min below the situation`);
    }
    const triage = lesson('triage');
    if (triage) expect(figure(triage, 'correct')).toEqual({ key: 'correct', label: 'triaged correctly', count: s.counters.triageCorrect, of: s.counters.triageTotal });
    for (const l of run().debrief.lessons) {
      const met = figure(l, 'obligationsMet');
      if (!met) continue;
      const actions = scenario.guideline.obligations.filter((o) => l.summary.includes(`Rule ${o.rule} (`));
      expect(met.of, l.id).toBe(actions.length);
      expect(met.count, l.id).toBe(actions.filter((o) => obligationsOf(scenario, s.guideline).find((x) => x.id === o.id)!.status === 'met').length);
    }
  });
});
