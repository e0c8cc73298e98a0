import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioDirectory } from '../../cli/scenario-files';
import { buildDebrief, runBot, Simulation, type Flag, type LessonId } from '../../src/core/index';
import { REPO_ROOT } from '../repo-root';

/**
 * The tutorial teaches by scripted moments, so every trainee meets every lesson
 * whatever the seed: a post with personal data, an abusive one, one naming staff,
 * a legal threat and a media question, the first within a minute of the start.
 */
const { scenario } = loadScenarioDirectory(join(REPO_ROOT, 'scenarios')).get('tutorial')!;
const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const LESSON_FLAGS: Flag[] = ['personalData', 'abuse', 'namedStaff', 'legalThreat', 'media'];
/** Lessons an untouched tutorial desk must be shown, in every seed. */
const TAUGHT: LessonId[] = ['personal-data-to-dm', 'dont-feed-trolls', 'escalate-hr', 'escalate-comms', 'escalate-legal', 'fix-the-cause', 'declare-the-level', 'answer-every-complaint'];

describe('the tutorial', () => {
  it.each(SEEDS)('seed %i: every lesson’s post arrives, the first within the first minute, with no trainer', (seed) => {
    const sim = new Simulation(scenario, { seed, mode: 'tutorial' });
    sim.finish();
    const s = sim.state;
    for (const flag of LESSON_FLAGS) expect(s.posts.some((p) => p.flags.includes(flag)), flag).toBe(true);
    expect(s.posts[0]!.t).toBeLessThan(60);
    // No empty stretch at the start: something new in each of the first three minutes.
    for (const minute of [0, 1, 2]) expect(s.posts.some((p) => p.t >= minute * 60 && p.t < (minute + 1) * 60), `minute ${minute}`).toBe(true);
    expect(s.firedInjects.map((f) => f.id)).toContain('small-claims');
    expect(s.log.some((e) => e.action.type === 'inject.fire')).toBe(false);
    // Every deadline the tutorial scripts falls inside the shift, so each one can be met or missed.
    for (const p of s.posts) if (p.needs && p.source === 'inject') expect(p.needs.deadline, p.text).toBeLessThan(s.endT);
    const shown = new Set(buildDebrief(scenario, s).lessons.map((l) => l.id));
    for (const id of TAUGHT) expect(shown.has(id), id).toBe(true);
  });

  it('a careful desk keeps each of those lessons', () => {
    for (const seed of [1, 2, 3]) {
      const { sim } = runBot(scenario, { seed, mode: 'tutorial', bot: 'guideline' });
      const lessons = buildDebrief(scenario, sim.state).lessons;
      for (const id of ['personal-data-to-dm', 'dont-feed-trolls', 'escalate-hr', 'escalate-comms', 'escalate-legal', 'fix-the-cause'] as LessonId[]) {
        expect(lessons.find((l) => l.id === id)?.verdict, `seed ${seed}: ${id}`).toBe('kept');
      }
    }
  });
});
