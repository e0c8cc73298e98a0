import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioDirectory } from '../../../cli/scenario-files';
import { scenarioSchema, Simulation, type Scenario } from '../../../src/core/index';
import { RECENT_WORDING_POSTS, withTypo, wordPost } from '../../../src/core/sim/wording';
import { Prng } from '../../../src/core/util/prng';
import { miniScenario, miniScenarioInput } from '../../fixtures/mini-scenario';
import { REPO_ROOT } from '../../repo-root';

const shipped = loadScenarioDirectory(join(REPO_ROOT, 'scenarios'));
const SURGE_POSTS = 300;
const SEEDS = [1, 2, 3, 4, 5];

/** The first `n` posts of an idle shift (nobody at the desk: the surge runs free). */
function idlePosts(scenario: Scenario, seed: number, n: number): string[] {
  const sim = new Simulation(scenario, { seed, mode: 'practice' });
  const stepT = 60 * 5;
  while (sim.state.posts.length < n && sim.state.t < sim.state.endT) sim.advanceTo(Math.min(sim.state.endT, sim.state.t + stepT));
  return sim.state.posts.slice(0, n).map((p) => p.text);
}

/** Pairs of identical texts among any `window` consecutive posts. */
function repeatsOnScreen(texts: string[], window: number): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < Math.min(texts.length, i + window); j++) if (texts[i] === texts[j]) found.push(`#${i + 1} = #${j + 1}: ${texts[i]}`);
  }
  return found;
}

describe('varied wording', () => {
  // A screen of the All feed is consecutive arrivals; the desk layout test checks that no screen
  // size shows more than RECENT_WORDING_POSTS cards at once, so this window is at least a screen.
  const surging = [...shipped.values()].filter(({ scenario }) => !scenario.tutorial);
  it.each(surging.map(({ scenario }) => [scenario.id, scenario] as const))('%s: a surge of 300 posts shows no identical text twice on one screen, over several seeds', (_id, scenario) => {
    for (const seed of SEEDS) {
      const texts = idlePosts(scenario, seed, SURGE_POSTS);
      expect(texts.length, `seed ${seed} reaches ${SURGE_POSTS} posts`).toBe(SURGE_POSTS);
      expect(repeatsOnScreen(texts, RECENT_WORDING_POSTS), `seed ${seed}`).toEqual([]);
    }
  });

  it('the same seed words every post the same way (replays agree)', () => {
    const { scenario } = shipped.get('facebook-mugging')!;
    expect(idlePosts(scenario, 7, 120)).toEqual(idlePosts(scenario, 7, 120));
  });

  it('uses every variant, small talk and typos on crowd posts, and leaves inject posts as written', () => {
    const { scenario } = shipped.get('facebook-mugging')!;
    const sim = new Simulation(scenario, { seed: 2, mode: 'practice' });
    sim.advanceTo(sim.state.endT);
    const posts = sim.state.posts;
    const pileOn = posts.filter((p) => p.templateId === 'pile-on').map((p) => p.text);
    expect(new Set(pileOn).size).toBeGreaterThan(20);
    const openers = scenario.wording!.openers.filter((o) => !o.includes('{'));
    expect(posts.some((p) => p.source !== 'instigator' && openers.some((o) => p.text.startsWith(`${o} `)))).toBe(true);
    const inst = posts.find((p) => p.source === 'instigator')!;
    const template = scenario.templates.find((t) => t.id === scenario.instigator.template)!;
    expect(inst.text).toBe(template.text.replace('{brand}', scenario.brand.name));
  });

  it('a typo swaps, drops or doubles one inner letter of one lower-case word, never a name or a number', () => {
    const text = 'Dana Moss at Leeds 07:12 waited forever';
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const typo = withTypo(text, Prng.fromSeed(seed));
      seen.add(typo);
      expect(typo.startsWith('Dana Moss at Leeds 07:12 ')).toBe(true);
      const [a, b] = [typo.split(' ').slice(-2), ['waited', 'forever']];
      const changed = a.filter((w, i) => w !== b[i]);
      expect(changed).toHaveLength(1);
      expect(Math.abs(changed[0]!.length - b[a.indexOf(changed[0]!)]!.length)).toBeLessThanOrEqual(1);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(withTypo('OK Dana 123', Prng.fromSeed(1))).toBe('OK Dana 123');
  });

  it('redraws a wording that repeats one of the latest posts', () => {
    const scenario = scenarioSchema.parse({
      ...miniScenarioInput,
      wording: {},
      templates: miniScenarioInput.templates.map((t) => (t.id === 'troll' ? { ...t, variants: ['lol {brand} is a joke', '{brand} lmao'] } : t)),
    });
    const troll = scenario.templates.find((t) => t.id === 'troll')!;
    const recent = ['lol Acme Rail clowns', 'Acme Rail lmao'];
    for (let seed = 1; seed <= 30; seed++) expect(wordPost(troll, scenario, Prng.fromSeed(seed), recent)).toBe('lol Acme Rail is a joke');
  });

  it('words posts exactly as before in a scenario without a wording section (recorded runs replay)', () => {
    const troll = miniScenario.templates.find((t) => t.id === 'troll')!;
    const rng = Prng.fromSeed(1);
    expect(wordPost(troll, miniScenario, rng, ['lol Acme Rail clowns'])).toBe('lol Acme Rail clowns');
    expect(rng.state()).toEqual(Prng.fromSeed(1).state());
  });
});
