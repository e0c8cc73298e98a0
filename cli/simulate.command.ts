import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BOT_NAMES, MODES, makeRunRecord, runBot, type BotName, type Mode } from '../src/core/index';
import { readScenarioFile } from './scenario-files';

export const simulateUsage = `surge-drill simulate FILE --bot NAME --seed N [--mode ${MODES.join('|')}] [--out run.json] [--json]
  Plays a scenario headless with a scripted bot and prints the outcome.
  Bots: ${BOT_NAMES.join(', ')}.`;

/** `surge-drill simulate`: returns the process exit code. */
export function simulateCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      bot: { type: 'string' },
      seed: { type: 'string' },
      mode: { type: 'string', default: 'practice' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  const bot = values.bot as BotName | undefined;
  const seed = Number(values.seed);
  const mode = values.mode as Mode;
  if (!file || positionals.length > 1) return usageError('give exactly one scenario FILE');
  if (!bot || !BOT_NAMES.includes(bot)) return usageError(`--bot must be one of ${BOT_NAMES.join(', ')}`);
  if (values.seed === undefined || !Number.isInteger(seed) || seed < 0 || seed > 0x7fffffff) return usageError('--seed must be a whole number from 0 to 2147483647');
  if (!MODES.includes(mode)) return usageError(`--mode must be one of ${MODES.join(', ')}`);

  const loaded = readScenarioFile(file);
  if (!loaded.ok) {
    for (const line of loaded.messages) console.error(line);
    return 1;
  }
  const { sim, outcome } = runBot(loaded.scenario, { seed, mode, bot });
  const record = makeRunRecord(sim, loaded.hash);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
  const c = sim.state.counters;
  const summary = {
    scenario: loaded.scenario.id,
    bot,
    seed,
    mode,
    score: outcome.score,
    grade: outcome.grade,
    breakdown: outcome.breakdown,
    narrative: outcome.narrative,
    posts: sim.state.posts.length,
    surgePosts: c.surgeArrivals,
    peakPerHour: c.peakArrivalsPerHour,
    breaches: sim.state.breaches.length,
    actions: record.actions.length,
  };
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
  } else {
    console.log(`${loaded.scenario.title} — bot ${bot}, seed ${seed}, ${mode}`);
    console.log(`Score ${outcome.score} (${outcome.grade})  posts ${summary.posts} (surge ${summary.surgePosts}, peak ${summary.peakPerHour}/h)  breaches ${summary.breaches}  actions ${summary.actions}`);
    for (const b of outcome.breakdown) console.log(`  ${b.label.padEnd(16)} ${String(b.score).padStart(3)} × ${String(b.weight).padStart(2)}  ${b.why}`);
    console.log(outcome.narrative);
    if (values.out) console.log(`Run record written to ${values.out}`);
  }
  return 0;
}

function usageError(message: string): number {
  console.error(`surge-drill simulate: ${message}\n\n${simulateUsage}`);
  return 2;
}
