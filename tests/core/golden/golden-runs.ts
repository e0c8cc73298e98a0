import { runBot } from '../../../src/core/bots/bots';
import { hashValue } from '../../../src/core/util/hash';
import { ENGINE_VERSION } from '../../../src/core/run/run-record.schema';
import { miniScenario } from '../../fixtures/mini-scenario';

/** Fixed scenario + seed + bot ⇒ fixed final-state hash and score. */
export function goldenRuns() {
  const g = runBot(miniScenario, { seed: 2026, mode: 'ranked', bot: 'guideline' });
  const i = runBot(miniScenario, { seed: 2026, mode: 'ranked', bot: 'idle' });
  return {
    engine: ENGINE_VERSION,
    guideline: {
      score: g.outcome.score,
      stateHash: hashValue(g.sim.state),
      actions: g.sim.state.log.length,
    },
    idle: {
      score: i.outcome.score,
      stateHash: hashValue(i.sim.state),
      posts: i.sim.state.posts.length,
    },
  };
}
