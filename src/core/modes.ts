/**
 * The four ways to play a shift and what each allows, in one table that the
 * simulation, the game, the server and the CLI read instead of comparing mode names.
 * A rule changes here, once; the compiler makes every mode state every rule.
 */

export type Mode = 'tutorial' | 'practice' | 'ranked' | 'drill';

/** Where a finished run goes. */
export type RunDestination = 'leaderboard' | 'drill' | 'nowhere';

export interface ModeRules {
  /** Who may pause the shift: a pause in a scored run would let the player think without the clock. */
  pausedBy: 'player' | 'trainer' | 'nobody';
  /** The pace is the scenario's normal pace, no speed options: scores compare only at the same pace. */
  fixedPace: boolean;
  /** Scenario injects may be fired: a trainer's surprise, not something a ranked player could use to shape the shift. */
  injects: boolean;
  /** The desk shows what a post needs, how a reply landed and the guideline's next step: feedback for learning, absent when graded. */
  coaching: boolean;
  /** A coach line suggests the next key: for a first shift only. */
  coachLines: boolean;
  /** The browser saves the run as it goes and offers to resume it: a drill run lives with the trainer's drill instead. */
  autosave: boolean;
  /** Where the finished run is sent (and verified by a server replay). */
  submitTo: RunDestination;
  /** Who picks the seed: the server for ranked runs (so nobody shops for a lucky seed), the trainer for a drill. */
  seedFrom: 'player' | 'server' | 'trainer';
  /** What "retry" does after the debrief: a ranked retry needs a fresh server seed; a drill has no retry. */
  retry: 'same-seed' | 'new-seed' | 'none';
  /** Which scenarios offer this mode in the menu; a drill is joined with a code, never picked there. */
  offeredFor: 'tutorials' | 'all' | 'others' | 'none';
}

export const MODE_RULES = {
  // A first shift: everything explained, nothing at stake.
  tutorial: {
    pausedBy: 'player',
    fixedPace: false,
    injects: true,
    coaching: true,
    coachLines: true,
    autosave: true,
    submitTo: 'nowhere',
    seedFrom: 'player',
    retry: 'same-seed',
    offeredFor: 'tutorials',
  },
  // Free rehearsal at any pace, with feedback.
  practice: {
    pausedBy: 'player',
    fixedPace: false,
    injects: true,
    coaching: true,
    coachLines: false,
    autosave: true,
    submitTo: 'nowhere',
    seedFrom: 'player',
    retry: 'same-seed',
    offeredFor: 'all',
  },
  // A scored shift under the same conditions for everyone.
  ranked: {
    pausedBy: 'nobody',
    fixedPace: true,
    injects: false,
    coaching: false,
    coachLines: false,
    autosave: true,
    submitTo: 'leaderboard',
    seedFrom: 'server',
    retry: 'new-seed',
    offeredFor: 'others',
  },
  // A trainer's live session: the trainer sets seed, pace and pauses, and fires injects.
  drill: {
    pausedBy: 'trainer',
    fixedPace: true,
    injects: true,
    coaching: true,
    coachLines: false,
    autosave: false,
    submitTo: 'drill',
    seedFrom: 'trainer',
    retry: 'none',
    offeredFor: 'none',
  },
} as const satisfies Record<Mode, ModeRules>;

export const MODES: readonly Mode[] = ['tutorial', 'practice', 'ranked', 'drill'];

/** The rules of a mode. */
export function modeRules(mode: Mode): ModeRules {
  return MODE_RULES[mode];
}

/** Modes a player picks in the menu (all but those joined another way), in menu order. */
export type PlayerMode = { [M in Mode]: (typeof MODE_RULES)[M]['offeredFor'] extends 'none' ? never : M }[Mode];

export function isPlayerMode(mode: Mode): mode is PlayerMode {
  return MODE_RULES[mode].offeredFor !== 'none';
}

export const PLAYER_MODES: readonly PlayerMode[] = MODES.filter(isPlayerMode);

/** The modes the menu offers for a scenario, in menu order; the first is the default. */
export function modesOffered(scenario: { tutorial?: boolean | undefined }): PlayerMode[] {
  const wanted = scenario.tutorial ? 'tutorials' : 'others';
  return PLAYER_MODES.filter((m) => {
    const offered = MODE_RULES[m].offeredFor;
    return offered === 'all' || offered === wanted;
  });
}
