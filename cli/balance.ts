import { BOT_NAMES, runBot, type BotName, type Scenario } from '../src/core/index';

/** The margin by which the guideline bot must beat every naive bot: "clearly above". */
export const CLEAR_MARGIN = 15;

export interface BalanceRow {
  seed: number;
  scores: Record<BotName, number>;
  /** Sim minutes, summed over channels, in which `surge.maxPerMinute` held each bot's surge back. */
  cappedMinutes: Record<BotName, number>;
  /** Naive bots the guideline bot did not beat by the margin. */
  failures: BotName[];
}

/** Plays every bot on each seed; the scoring is sound when the guideline bot clearly wins everywhere. */
export function balance(scenario: Scenario, seeds: number[]): BalanceRow[] {
  const stepMinutes = scenario.duration.stepSeconds / 60;
  return seeds.map((seed) => {
    const runs = BOT_NAMES.map((bot) => [bot, runBot(scenario, { seed, mode: 'ranked', bot })] as const);
    const scores = Object.fromEntries(runs.map(([bot, run]) => [bot, run.outcome.score])) as Record<BotName, number>;
    const cappedMinutes = Object.fromEntries(runs.map(([bot, run]) => [bot, Math.round(run.sim.state.counters.surgeCappedSteps * stepMinutes)])) as Record<BotName, number>;
    const failures = BOT_NAMES.filter((b) => b !== 'guideline' && scores.guideline < scores[b] + CLEAR_MARGIN);
    return { seed, scores, cappedMinutes, failures };
  });
}
