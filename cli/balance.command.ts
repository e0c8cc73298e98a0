import { parseArgs } from 'node:util';
import { BOT_NAMES } from '../src/core/index';
import { balance, CLEAR_MARGIN } from './balance';
import { readScenarioFile } from './scenario-files';

export const balanceUsage = `surge-drill balance FILE... [--seeds N]
  Plays every bot on N seeds (default 5) and checks that the guideline bot beats each naive bot by ${CLEAR_MARGIN}+ points.`;

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
    for (const row of balance(loaded.scenario, Array.from({ length: n }, (_, i) => i + 1))) {
      console.log(`  ${String(row.seed).padStart(4)}  ${BOT_NAMES.map((b) => String(row.scores[b]).padStart(10)).join('')}${row.failures.length ? `   guideline not clearly above: ${row.failures.join(', ')}` : ''}`);
      if (row.failures.length) failed = true;
    }
  }
  return failed ? 1 : 0;
}
