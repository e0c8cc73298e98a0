import type { Scenario } from '../scenario/scenario.schema';

/**
 * The crowd is finite: the people a surge can draw in are the instigator's mobilised network
 * (their followers who take up the cause). Every surge post uses up one of them, so an
 * unanswered surge grows while the crowd is fresh, peaks and dies down as it runs out; its
 * size comes from the network's reach and the branching ratio, not from `surge.maxPerMinute`,
 * which stays a safety limit. (The final size of such a process is the classic epidemic one:
 * with branching ratio R > 1 a share z of the crowd posts, where z = 1 − e^(−R·z).)
 */

/** At least this many people can join in, so that a scenario with a tiny network still has a crowd. */
export const MIN_CROWD = 50;

/**
 * Of a mobilised network, the share who post about it rather than only read and react: social
 * media's "1 % rule" is for whole audiences; people asked by a friend to speak up do so far more.
 */
export const CROWD_POSTING_SHARE = 0.25;

/** The people an unanswered surge could draw in. */
export function crowdSize(scenario: Scenario): number {
  return Math.max(MIN_CROWD, (scenario.instigator.followers * scenario.instigator.mobilisationPercent * CROWD_POSTING_SHARE) / 100);
}

/** The share of the crowd that has not posted yet, after `posted` surge posts (0 to 1). */
export function crowdLeft(scenario: Scenario, posted: number): number {
  return Math.max(0, 1 - posted / crowdSize(scenario));
}
