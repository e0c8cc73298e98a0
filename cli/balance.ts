import { BOT_NAMES, runBot, type BotName, type Scenario } from '../src/core/index';

/** The margin by which the guideline bot must beat every naive bot: "clearly above". */
export const CLEAR_MARGIN = 15;

export interface BalanceRow {
  seed: number;
  scores: Record<BotName, number>;
  /** Naive bots the guideline bot did not beat by the margin. */
  failures: BotName[];
}

/** Plays every bot on each seed; the scoring is sound when the guideline bot clearly wins everywhere. */
export function balance(scenario: Scenario, seeds: number[]): BalanceRow[] {
  return seeds.map((seed) => {
    const scores = Object.fromEntries(
      BOT_NAMES.map((bot) => [bot, runBot(scenario, { seed, mode: 'ranked', bot }).outcome.score]),
    ) as Record<BotName, number>;
    const failures = BOT_NAMES.filter((b) => b !== 'guideline' && scores.guideline < scores[b] + CLEAR_MARGIN);
    return { seed, scores, failures };
  });
}
