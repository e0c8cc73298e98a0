import { describe, expect, it } from 'vitest';
import { modelRun, runBot, shiftAt, Simulation, obligationsOf, type ShiftAt } from '../../../src/core/index';
import { miniScenario } from '../../fixtures/mini-scenario';

const played = runBot(miniScenario, { seed: 5, mode: 'practice', bot: 'guideline' });
const record = { seed: 5, mode: 'practice' as const, actions: played.sim.state.log.map((e) => ({ t: e.t, action: e.action })) };

function at(t: number): ShiftAt {
  const r = shiftAt(miniScenario, record, t);
  if ('ok' in r) throw new Error(r.message);
  return r;
}

describe('watching a shift back', () => {
  it('shows the feed as it stood at the chosen minute: only posts that had arrived, with their status then', () => {
    const t = 40 * 60;
    const view = at(t);
    expect(view.t).toBe(t);
    expect(view.feed.length).toBeGreaterThan(0);
    expect(view.feed.every((p) => p.t <= t)).toBe(true);
    // The same posts, newest first, as a fresh run stepped to that minute by hand.
    const sim = new Simulation(miniScenario, { seed: 5, mode: 'practice' });
    for (const { t: at2, action } of record.actions) {
      if (at2 >= t) break;
      sim.advanceTo(at2);
      sim.apply(action);
    }
    sim.advanceTo(t);
    expect(view.feed.map((p) => [p.id, p.status])).toEqual(sim.state.posts.slice(-view.feed.length).reverse().map((p) => [p.id, p.status]));
    const open = obligationsOf(miniScenario, sim.state.guideline).filter((o) => o.status === 'open');
    expect(view.asks.filter((a) => a.rule !== undefined).map((a) => a.text).sort()).toEqual(open.map((o) => o.text).sort());
  });

  it('lists what the desk did in the minutes before, naming posts by author, not number', () => {
    const last = record.actions.at(-1)!;
    const view = at(last.t + 60);
    expect(view.did.length).toBeGreaterThan(0);
    expect(view.did.at(-1)!.t).toBe(last.t);
    for (const d of view.did) expect(d.text).not.toMatch(/#\d/);
  });

  it('watches a model shift of the same seed: the guideline bot, replayed to the same score', () => {
    const model = modelRun(miniScenario, { seed: 5, mode: 'practice' });
    expect(model.actions).toEqual(record.actions);
    const end = at(miniScenario.duration.simMinutes * 60);
    expect(end.goodwill).toBe(Math.round(played.sim.state.goodwill));
  });

  it('refuses a record that does not replay, with the reason', () => {
    const broken = { ...record, actions: [{ t: 7, action: record.actions[0]!.action }] };
    expect(shiftAt(miniScenario, broken, 600)).toMatchObject({ ok: false, code: 'run/invalid' });
  });
});
