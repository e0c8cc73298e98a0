/**
 * Runs first in `npm test`: on a fresh clone nothing is installed yet, so install the project's
 * npm packages (the lockfile's versions) before anything needs them. Plain Node, no dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../node_modules/.package-lock.json', import.meta.url))) {
  console.error('npm test: installing the npm packages first (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm test: `npm ci` failed (see above); fix that, then run npm test again.');
    process.exit(1);
  }
}
