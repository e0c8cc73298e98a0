import { describe, expect, it } from 'vitest';
import { hashValue } from '../../../src/core/index';
import { installAutomationHook, type SurgeDrillHook } from '../../../src/game/automation/automation-hook';
import { RunController } from '../../../src/game/run/run-controller';
import type { CatalogEntry } from '../../../src/game/run/scenario-catalog';
import { Session, type GameServices } from '../../../src/game/session';
import { miniScenario } from '../../fixtures/mini-scenario';

const entry: CatalogEntry = { id: 'mini', file: 'mini.yaml', scenario: miniScenario, hash: hashValue(miniScenario) };

/** The hook on a session playing `mode`, about 40 sim minutes in (posts have arrived, the level has moved). */
function hookOn(mode: 'ranked' | 'practice'): { hook: SurgeDrillHook; run: RunController } {
  const session = new Session();
  session.scene = 'desk';
  const run = RunController.start({ entry, seed: 5, mode, speed: 1 });
  run.sim.advanceTo(40 * 60);
  session.run = run;
  const services = { session, announcer: { said: () => [] }, catalog: { entries: [entry] } } as unknown as GameServices;
  const target = {} as Window;
  installAutomationHook(target, services);
  return { hook: target.surgeDrill!, run };
}

describe('the automation hook in ranked mode', () => {
  it('shows a live ranked shift only as its screen does: no true categories, no true level, no live score', () => {
    const { hook, run } = hookOn('ranked');
    const snap = hook.snapshot();
    expect(run.sim.state.posts.length).toBeGreaterThan(0);
    expect(snap.run).toBeNull();
    expect(snap.ranked).toMatchObject({ scenarioId: 'mini', mode: 'ranked', seed: 5, over: false, clock: run.sim.clock() });
    expect(snap.ranked!.screen).toMatchObject({ t: run.sim.state.t, endT: run.sim.state.endT, declaredLevel: run.sim.state.declaredLevel });
    const text = JSON.stringify(snap);
    for (const hidden of ['trueLevel', '"category"', 'outcome', 'score', 'posts', 'breakdown']) expect(text, hidden).not.toContain(hidden);
    // The record's claim is the live score, so it waits for the end of the shift.
    expect(hook.runRecord()).toBeNull();
  });

  it('shows everything once the ranked shift is over, and always in practice', () => {
    const ranked = hookOn('ranked');
    ranked.run.sim.advanceTo(ranked.run.sim.state.endT);
    expect(ranked.hook.snapshot().ranked).toBeNull();
    expect(ranked.hook.snapshot().run!.outcome.score).toBe(ranked.run.outcome().score);
    expect(ranked.hook.runRecord()!.claimed.score).toBe(ranked.run.outcome().score);

    const practice = hookOn('practice');
    expect(practice.hook.snapshot().run!.state.posts[0]!.category).toBe(practice.run.sim.state.posts[0]!.category);
  });
});
