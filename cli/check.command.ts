import type { Scenario } from '../src/core/index';
import { readScenarioFile } from './scenario-files';

export const checkUsage = `surge-drill check FILE...
  Validates scenario files; prints every problem as file:line:column field.path: message.
  Exits 0 when all files are valid, 1 otherwise.`;

/** `surge-drill check`: returns the process exit code. */
export function checkCommand(argv: string[]): number {
  const files = argv.filter((a) => !a.startsWith('-'));
  const options = argv.filter((a) => a.startsWith('-'));
  if (files.length === 0 || options.length > 0) {
    console.error(`surge-drill check: ${options.length > 0 ? `unknown option ${options[0]}` : 'give one or more scenario files'}\n\n${checkUsage}`);
    return 2;
  }
  let broken = 0;
  for (const file of files) {
    const result = readScenarioFile(file);
    if (result.ok) {
      console.log(`ok  ${file}  (${summary(result.scenario)})`);
    } else {
      broken++;
      for (const line of result.messages) console.error(line);
    }
  }
  if (broken > 0) console.error(`\n${broken} of ${files.length} scenario file${files.length === 1 ? '' : 's'} with problems`);
  return broken > 0 ? 1 : 0;
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
