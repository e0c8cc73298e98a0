import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { replay } from '../src/core/index';
import { loadScenarioDirectory } from './scenario-files';

export const replayUsage = `surge-drill replay RUN.json [--scenarios DIR] [--json]
  Re-simulates a run record and prints the verified outcome; exits 1 with the reason if it does not verify.`;

const SHIPPED = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/** `surge-drill replay`: returns the process exit code. */
export function replayCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scenarios: { type: 'string', default: SHIPPED }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(`surge-drill replay: give exactly one run record\n\n${replayUsage}`);
    return 2;
  }
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`${file}: cannot read a run record: ${(err as Error).message}`);
    return 1;
  }
  const scenarios = loadScenarioDirectory(values.scenarios);
  const result = replay(record, (id) => scenarios.get(id));
  if (!result.ok) {
    if (values.json) console.log(JSON.stringify({ verified: false, code: result.code, reason: result.message }));
    else console.error(`${file}: not verified (${result.code}): ${result.message}`);
    return 1;
  }
  const { outcome } = result;
  if (values.json) {
    console.log(JSON.stringify({ verified: true, score: outcome.score, grade: outcome.grade, breakdown: outcome.breakdown, narrative: outcome.narrative }, null, 2));
  } else {
    console.log(`${file}: verified — ${result.record.scenarioId}, seed ${result.record.seed}, ${result.record.mode}: score ${outcome.score} (${outcome.grade})`);
  }
  return 0;
}
