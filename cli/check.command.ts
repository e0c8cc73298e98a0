import { parseArgs } from 'node:util';
import type { Scenario } from '../src/core/index';
import { readScenarioFile } from './scenario-files';

export const checkUsage = `surge-drill check FILE... [--strict]
  Validates scenario files; prints every problem as file:line:column field.path: message.
  Warnings (valid, but probably not what was meant) print as "… warning: message [code]";
  a "# surge-drill: allow CODE (reason)" comment in the file accepts one.
  Exits 0 when all files are valid, 1 otherwise (with --strict, also when there are warnings).`;

/** `surge-drill check`: returns the process exit code. */
export function checkCommand(argv: string[]): number {
  const { values, positionals: files } = parseArgs({ args: argv, allowPositionals: true, options: { strict: { type: 'boolean', default: false } } });
  if (files.length === 0) {
    console.error(`surge-drill check: give one or more scenario files\n\n${checkUsage}`);
    return 2;
  }
  let broken = 0;
  let warned = 0;
  for (const file of files) {
    const result = readScenarioFile(file);
    if (result.ok) {
      console.log(`ok  ${file}  (${summary(result.scenario)})`);
      // Diagnostics go to stderr with errors, so stdout stays one line per valid file.
      for (const line of result.warnings) console.error(line);
      if (result.warnings.length > 0) warned++;
    } else {
      broken++;
      for (const line of result.messages) console.error(line);
    }
  }
  const files1 = (n: number) => `${n} of ${files.length} scenario file${files.length === 1 ? '' : 's'}`;
  if (broken > 0) console.error(`\n${files1(broken)} with problems`);
  if (warned > 0) console.error(`${broken > 0 ? '' : '\n'}${files1(warned)} with warnings${values.strict ? ' (--strict: counted as failures)' : ''}`);
  return broken > 0 || (values.strict && warned > 0) ? 1 : 0;
}

function summary(s: Scenario): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    s.id,
    plural(s.templates.length, 'template'),
    plural(s.injects.length, 'inject'),
    plural(s.guideline.levels.length, 'level'),
    plural(s.guideline.obligations.length, 'obligation'),
    `${s.duration.simMinutes} sim min in ${s.duration.realMinutes} real min`,
  ].join(', ');
}
