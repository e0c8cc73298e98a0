import type { SimState } from '../../../src/core/sim/state';

/**
 * The state as it was shaped before the core redesign (issue 8), so the golden
 * runs can prove the redesign changed no behaviour: hashed, it must equal the
 * hashes pinned before (see PRE_REDESIGN in tests/core/run/replay.test.ts).
 * Only fields added by the redesign are dropped or re-derived here.
 */
export function legacyProjection(state: SimState): Record<string, unknown> {
  const { pressure: _ledger, ...legacy } = state;
  return legacy;
}
