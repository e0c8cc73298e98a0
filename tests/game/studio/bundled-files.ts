import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../repo-root';

/** The shipped scenario files keyed the way the game's bundle keys them (`/scenarios/x.yaml`). */
export function bundledScenarioFilesForTests(): Record<string, string> {
  const dir = join(REPO_ROOT, 'scenarios');
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [`/scenarios/${f}`, readFileSync(join(dir, f), 'utf8')]));
}
