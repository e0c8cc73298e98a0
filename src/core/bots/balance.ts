import type { Scenario } from '../scenario/scenario.schema';
import { BOT_NAMES, runBot, type BotName } from './bots';

/**
 * Balance: every bot plays a scenario on several seeds, the way a designer checks that
 * the scoring rewards the guideline and not speed, volume or appeasement. The CLI's
 * `balance` command and the studio's balance report (in a Web Worker) both read this.
 */

/** The margin by which the guideline bot must beat every naive bot: "clearly above". */
export const CLEAR_MARGIN = 15;

/** How many score components explain why the closest naive bot comes close. */
const REASONS_SHOWN = 2;

export type NaiveBotName = Exclude<BotName, 'guideline'>;
export const NAIVE_BOTS = BOT_NAMES.filter((b): b is NaiveBotName => b !== 'guideline');

export interface BotRun {
  score: number;
  /** Each score component's 0–100 score, keyed by component id, in breakdown order. */
  components: { id: string; label: string; weight: number; score: number }[];
  /** Posts the crowd wrote (surge arrivals, not routine, instigator or scripted ones). */
  surgePosts: number;
  /** The busiest sim hour's arrivals, every source together. */
  peakArrivalsPerHour: number;
  /** Steps in which `surge.maxPerMinute` held the surge back: the safety limit, not the crowd, set its size. */
  cappedSteps: number;
}

/** One seed: every bot's run. */
export interface BalanceSeed {
  seed: number;
  runs: Record<BotName, BotRun>;
}

export interface BalanceRow {
  seed: number;
  scores: Record<BotName, number>;
  /** Sim minutes, summed over channels, in which `surge.maxPerMinute` held each bot's surge back. */
  cappedMinutes: Record<BotName, number>;
  /** Naive bots the guideline bot did not beat by the margin. */
  failures: BotName[];
}

/** Plays every bot on one seed in ranked mode. */
export function balanceSeed(scenario: Scenario, seed: number): BalanceSeed {
  const runs = {} as Record<BotName, BotRun>;
  for (const bot of BOT_NAMES) {
    const { sim, outcome } = runBot(scenario, { seed, mode: 'ranked', bot });
    runs[bot] = {
      score: outcome.score,
      components: outcome.breakdown.map((c) => ({ id: c.id, label: c.label, weight: c.weight, score: c.score })),
      surgePosts: sim.state.counters.surgeArrivals,
      peakArrivalsPerHour: sim.state.counters.peakArrivalsPerHour,
      cappedSteps: sim.state.counters.surgeCappedSteps,
    };
  }
  return { seed, runs };
}

/** The naive bots the guideline bot does not beat by the margin on this seed. */
export function failuresOf(seed: BalanceSeed): NaiveBotName[] {
  return NAIVE_BOTS.filter((b) => seed.runs.guideline.score < seed.runs[b].score + CLEAR_MARGIN);
}

/** Plays every bot on each seed; the scoring is sound when the guideline bot clearly wins everywhere. */
export function balance(scenario: Scenario, seeds: number[]): BalanceRow[] {
  const stepMinutes = scenario.duration.stepSeconds / 60;
  return seeds.map((seed) => {
    const played = balanceSeed(scenario, seed);
    const scores = Object.fromEntries(BOT_NAMES.map((b) => [b, played.runs[b].score])) as Record<BotName, number>;
    const cappedMinutes = Object.fromEntries(BOT_NAMES.map((b) => [b, Math.round(played.runs[b].cappedSteps * stepMinutes)])) as Record<BotName, number>;
    return { seed, scores, cappedMinutes, failures: failuresOf(played) };
  });
}

export interface BotSummary {
  bot: BotName;
  meanScore: number;
  lowest: number;
  highest: number;
  /** Component means, rounded, in breakdown order. */
  components: { id: string; label: string; weight: number; score: number }[];
}

export interface BalanceReport {
  seeds: number[];
  bots: BotSummary[];
  /** True when the guideline bot beats every naive bot by CLEAR_MARGIN on every seed. */
  guidelineClearlyWins: boolean;
  /** Seeds on which it did not, with the bots that came too close. */
  shortfalls: { seed: number; bots: NaiveBotName[] }[];
  closest: { bot: NaiveBotName; gap: number; why: string };
  surge: SurgeSummary;
}

/** How big the unanswered (idle) surge gets against the scenario's ceiling. */
export interface SurgeSummary {
  idleSurgePosts: number;
  idlePeakPerHour: number;
  /** `surge.maxPerMinute` on every channel together, per hour. */
  ceilingPerHour: number;
  /** Runs in which the ceiling held the surge back at least once, by bot and seed. */
  cappedRuns: { bot: BotName; seed: number; steps: number }[];
}

/** Sums up played seeds: means per bot, who comes closest to the guideline bot and why, and the surge. */
export function balanceReport(scenario: Scenario, played: readonly BalanceSeed[]): BalanceReport {
  if (played.length === 0) throw new Error('balanceReport needs at least one played seed');
  const bots = BOT_NAMES.map((bot) => summarise(bot, played));
  const byBot = new Map(bots.map((b) => [b.bot, b]));
  const guideline = byBot.get('guideline')!;
  let closest = byBot.get(NAIVE_BOTS[0]!)!;
  for (const b of NAIVE_BOTS) if (byBot.get(b)!.meanScore > closest.meanScore) closest = byBot.get(b)!;
  const shortfalls = played.map((p) => ({ seed: p.seed, bots: failuresOf(p) })).filter((s) => s.bots.length > 0);
  const idleRuns = played.map((p) => p.runs.idle);
  const ceilingPerHour = scenario.surge.maxPerMinute * 60 * scenario.channels.length;
  const idlePeakPerHour = Math.max(...idleRuns.map((r) => r.peakArrivalsPerHour));
  return {
    seeds: played.map((p) => p.seed),
    bots,
    guidelineClearlyWins: shortfalls.length === 0,
    shortfalls,
    closest: { bot: closest.bot as NaiveBotName, gap: guideline.meanScore - closest.meanScore, why: whyClose(closest, guideline) },
    surge: {
      idleSurgePosts: mean(idleRuns.map((r) => r.surgePosts)),
      idlePeakPerHour,
      ceilingPerHour,
      cappedRuns: played.flatMap((p) => BOT_NAMES.filter((bot) => p.runs[bot].cappedSteps > 0).map((bot) => ({ bot, seed: p.seed, steps: p.runs[bot].cappedSteps }))),
    },
  };
}

function summarise(bot: BotName, played: readonly BalanceSeed[]): BotSummary {
  const runs = played.map((p) => p.runs[bot]);
  const scores = runs.map((r) => r.score);
  const components = runs[0]!.components.map((c, i) => ({ ...c, score: mean(runs.map((r) => r.components[i]?.score ?? 0)) }));
  return { bot, meanScore: mean(scores), lowest: Math.min(...scores), highest: Math.max(...scores), components };
}

/**
 * Why the naive bot comes close: the components it matches or beats the guideline bot on
 * (weighted, so the ones that count most come first), and the one it loses most on.
 */
function whyClose(naive: BotSummary, guideline: BotSummary): string {
  const edges = naive.components
    .map((c) => {
      const g = guideline.components.find((x) => x.id === c.id)?.score ?? 0;
      return { label: c.label, naive: c.score, guideline: g, edge: (c.score - g) * c.weight };
    })
    .sort((a, b) => b.edge - a.edge || (a.label < b.label ? -1 : 1));
  const held = edges.filter((e) => e.edge >= 0).slice(0, REASONS_SHOWN);
  const worst = edges.at(-1)!;
  const heldText = held.length
    ? `it scores as well or better on ${held.map((e) => `${e.label} (${e.naive} against ${e.guideline})`).join(' and ')}`
    : `it trails on every component, least on ${edges[0]!.label} (${edges[0]!.naive} against ${edges[0]!.guideline})`;
  return `${heldText}; it loses most on ${worst.label} (${worst.naive} against ${worst.guideline})`;
}

/** Integer mean (rounded half up), the same in every engine. */
function mean(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}
