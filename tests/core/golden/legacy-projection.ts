import { obligationsOf } from '../../../src/core/guideline/escalation.machine';
import type { Scenario } from '../../../src/core/scenario/scenario.schema';
import type { SimState } from '../../../src/core/sim/state';

/**
 * The state as it was shaped before the core redesign (issue 8), so the golden
 * runs can prove the redesign changed no behaviour: hashed, it must equal the
 * hashes pinned before (see PRE_REDESIGN in tests/core/run/replay.test.ts).
 * Fields the redesign added (the pressure ledger, the queues once kept outside
 * the state) are dropped; the old `obligations` array, which the
 * simulation used to copy out of the escalation machine, is re-derived from the
 * machine's snapshot.
 */
export function legacyProjection(state: SimState, scenario: Scenario): Record<string, unknown> {
  const { pressure: _ledger, queues: _queues, guideline, ...legacy } = state;
  return { ...legacy, obligations: obligationsOf(scenario, guideline) };
}
