import { describe, expect, it } from 'vitest';
import { MODE_RULES, MODES, PLAYER_MODES, isPlayerMode, modesOffered, type Mode } from '../../src/core/index';

/**
 * The mode table replaced about thirty comparisons of mode names in the sim, the
 * game, the server and the CLI. These pin what those comparisons decided, mode by
 * mode, so the table keeps the behaviour they had.
 */
const where = (rule: (m: (typeof MODE_RULES)[Mode]) => boolean): Mode[] => MODES.filter((m) => rule(MODE_RULES[m]));

describe('mode rules', () => {
  it('lets the player pause and change speed in the tutorial and practice only; the trainer pauses a drill', () => {
    expect(where((r) => r.pausedBy === 'player')).toEqual(['tutorial', 'practice']);
    expect(where((r) => r.pausedBy === 'trainer')).toEqual(['drill']);
    expect(where((r) => r.fixedPace)).toEqual(['ranked', 'drill']);
  });

  it('keeps injects and coaching out of ranked runs only; coach lines in the tutorial only', () => {
    expect(where((r) => !r.injects)).toEqual(['ranked']);
    expect(where((r) => !r.coaching)).toEqual(['ranked']);
    expect(where((r) => r.coachLines)).toEqual(['tutorial']);
  });

  it('autosaves every run but a drill run; sends ranked runs to the leaderboard and drill runs to the drill', () => {
    expect(where((r) => !r.autosave)).toEqual(['drill']);
    expect(where((r) => r.submitTo === 'leaderboard')).toEqual(['ranked']);
    expect(where((r) => r.submitTo === 'drill')).toEqual(['drill']);
    expect(where((r) => r.seedFrom === 'server')).toEqual(['ranked']);
  });

  it('retries with the same seed, a new server seed for ranked, and not at all in a drill', () => {
    expect(MODES.map((m) => MODE_RULES[m].retry)).toEqual(['same-seed', 'same-seed', 'new-seed', 'none']);
  });

  it('offers tutorial and practice for a tutorial scenario, practice and ranked for the others; a drill never', () => {
    expect(modesOffered({ tutorial: true })).toEqual(['tutorial', 'practice']);
    expect(modesOffered({ tutorial: false })).toEqual(['practice', 'ranked']);
    expect(PLAYER_MODES).toEqual(['tutorial', 'practice', 'ranked']);
    expect(isPlayerMode('drill')).toBe(false);
  });
});
