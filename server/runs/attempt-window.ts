import type { Scenario } from '../../src/core/index';
import { ApiError } from '../http/http-errors';

/**
 * When a ranked run may arrive, judged only by the server's clock and the attempt's
 * issue time (written by the server, never taken from a request).
 *
 *   issued ── shift (real length) ──┬─ finish grace ─┬──── offline grace ────┐
 *   too soon                        │  on time       │  late: needs a record │ expired
 *                                   │                │  that ended in time   │
 *
 * - A run cannot arrive sooner than the shift's real length after its attempt was
 *   issued (less EARLY_ARRIVAL_TOLERANCE_MS): nobody plays it faster at the ranked pace.
 * - Arriving within the shift plus FINISH_GRACE_MS, it is on time.
 * - Later, up to OFFLINE_GRACE_MS more, it counts only if the submission's own end
 *   (`endedAfterMs`, measured by the client from receiving the attempt to the shift's
 *   end) is inside the play window: a run that ended in time and waited in the
 *   offline queue still counts; one that ended late does not. This figure comes from
 *   the client and only an honest client's is true (see the README on what that allows).
 * - After that the attempt has expired, whatever the submission says.
 */

/** Frame timing at the end of a shift; the shift itself starts after the attempt, never before. */
export const EARLY_ARRIVAL_TOLERANCE_MS = 3_000;
/** A slow start, a tab hidden for a moment (the game's clock stops), a slow device. */
export const FINISH_GRACE_MS = 5 * 60_000;
/** How long a run that ended in time may wait in a browser's offline queue: a day without a network. */
export const OFFLINE_GRACE_MS = 24 * 60 * 60_000;

const MS_PER_MINUTE = 60_000;

/** The shift's real length at the ranked pace. */
export const shiftMs = (scenario: Scenario): number => scenario.duration.realMinutes * MS_PER_MINUTE;

const minutes = (ms: number) => `${Math.round(ms / 1000 / 60)} min`;
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Throws the refusal for a run arriving at `now` on an attempt issued at `issuedAt`, or returns when it may be judged. */
export function checkArrival(input: { issuedAt: number; shiftMs: number; now: number; endedAfterMs: number | undefined }): void {
  const { issuedAt, now, endedAfterMs } = input;
  const elapsed = now - issuedAt;
  const playWindow = input.shiftMs + FINISH_GRACE_MS;
  if (elapsed < input.shiftMs - EARLY_ARRIVAL_TOLERANCE_MS) {
    throw new ApiError('attempt/too_soon', `it arrived ${seconds(elapsed)} after its attempt was issued; the shift lasts ${minutes(input.shiftMs)}`);
  }
  if (elapsed <= playWindow) return;
  if (elapsed > playWindow + OFFLINE_GRACE_MS) {
    throw new ApiError('attempt/expired', `it was issued ${minutes(elapsed)} ago; a run that ended in time is kept at most ${minutes(OFFLINE_GRACE_MS)} after its play window`);
  }
  if (endedAfterMs === undefined) {
    throw new ApiError('attempt/expired', `it arrived after its play window of ${minutes(playWindow)} and does not say when its shift ended`);
  }
  if (endedAfterMs > playWindow || endedAfterMs < input.shiftMs - EARLY_ARRIVAL_TOLERANCE_MS || endedAfterMs > elapsed) {
    throw new ApiError('attempt/expired', `its shift ended ${minutes(endedAfterMs)} after the attempt was issued; it had to end within ${minutes(playWindow)}`);
  }
}
