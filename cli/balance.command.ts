import { parseArgs } from 'node:util';
import { balance, BOT_NAMES, CLEAR_MARGIN, type BalanceRow } from '../src/core/index';
import { readScenarioFile } from './scenario-files';

export const balanceUsage = `surge-drill balance FILE... [--seeds N]
  Plays every bot on N seeds (default 5) and checks that the guideline bot beats each naive bot by ${CLEAR_MARGIN}+ points;
  says when a run's surge hit its ceiling (surge.maxPerMinute), where the cap and not the crowd set its size.`;

/** Which bots' surges the ceiling held, for how long: the crowd should set a surge's size, not the cap. */
export function ceilingReport(rows: BalanceRow[], maxPerMinute: number): string {
  const hits = BOT_NAMES.map((bot) => ({ bot, minutes: rows.reduce((sum, r) => sum + r.cappedMinutes[bot], 0), runs: rows.filter((r) => r.cappedMinutes[bot] > 0).length })).filter((h) => h.runs > 0);
  if (hits.length === 0) return `surge ceiling (${maxPerMinute} a minute per channel): never reached`;
  const list = hits.map((h) => `${h.bot} in ${h.runs} of ${rows.length} runs (${h.minutes} channel-minutes)`).join(', ');
  return `surge ceiling (${maxPerMinute} a minute per channel) reached: ${list}; the cap, not the crowd, set those surges' size`;
}

/** `surge-drill balance`: returns the process exit code (1 when the guideline bot does not clearly win). */
export function balanceCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { seeds: { type: 'string', default: '5' } } });
  const n = Number(values.seeds);
  if (positionals.length === 0 || !Number.isInteger(n) || n < 1 || n > 100) {
    console.error(`surge-drill balance: give scenario files and --seeds from 1 to 100\n\n${balanceUsage}`);
    return 2;
  }
  let failed = false;
  for (const file of positionals) {
    const loaded = readScenarioFile(file);
    if (!loaded.ok) {
      for (const line of loaded.messages) console.error(line);
      failed = true;
      continue;
    }
    console.log(`\n${loaded.scenario.id}`);
    console.log(`  seed  ${BOT_NAMES.map((b) => b.padStart(10)).join('')}`);
    const rows = balance(loaded.scenario, Array.from({ length: n }, (_, i) => i + 1));
    for (const row of rows) {
      console.log(`  ${String(row.seed).padStart(4)}  ${BOT_NAMES.map((b) => String(row.scores[b]).padStart(10)).join('')}${row.failures.length ? `   guideline not clearly above: ${row.failures.join(', ')}` : ''}`);
      if (row.failures.length) failed = true;
    }
    console.log(`  ${ceilingReport(rows, loaded.scenario.surge.maxPerMinute)}`);
  }
  return failed ? 1 : 0;
}
