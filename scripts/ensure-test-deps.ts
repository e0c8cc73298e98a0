/**
 * Runs before `npm test`: the browser tests need Debian's Chromium and the database suite needs
 * PostgreSQL's server binaries. As root with apt-get this installs what is missing; otherwise it
 * stops at once with one line saying how, instead of letting tests fail inside Chromium's launcher.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresBinDir } from '../tests/server/helpers/postgres';

/** Debian package that provides each missing piece. */
interface Requirement {
  pkg: string;
  present: () => boolean;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const requirements: Requirement[] = [
  { pkg: 'chromium', present: () => existsSync(chromiumPath) },
  { pkg: 'postgresql', present: () => postgresBinDir() !== undefined },
];

const missing = () => requirements.filter((r) => !r.present()).map((r) => r.pkg);

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function aptInstall(pkgs: string[]): boolean {
  console.error(`npm test: installing ${pkgs.join(' ')} with apt-get (needed by the browser and database tests)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env }).status === 0;
}

function stop(pkgs: string[]): never {
  const how = `sudo apt-get install ${pkgs.join(' ')}`;
  const chromiumHint = pkgs.includes('chromium') ? ` (or set CHROMIUM_PATH to a Chromium binary)` : '';
  console.error(`npm test needs ${pkgs.join(' and ')}: run \`${how}\`${chromiumHint}, then npm test again.`);
  process.exit(1);
}

const needed = missing();
if (needed.length > 0) {
  if (process.getuid?.() !== 0 || !onPath('apt-get')) stop(needed);
  const stillMissing = aptInstall(needed) ? missing() : needed;
  if (stillMissing.length > 0) stop(stillMissing);
}
