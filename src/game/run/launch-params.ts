import { PLAYER_MODES, type PlayerMode } from '../../core/index';

export type { PlayerMode };
export type RendererChoice = 'auto' | 'canvas' | 'webgl';

/**
 * What the address bar asks for. `?scenario=ID&seed=N&mode=practice&speed=X`
 * skips the menu and the briefing; `speed` multiplies the scenario's normal pace
 * (1 = the ranked pace) for every practice or tutorial run started in this visit. `renderer` picks Phaser's renderer (default automatic).
 */
export interface LaunchParams {
  scenario?: string;
  seed?: number;
  mode?: PlayerMode;
  speed?: number;
  renderer: RendererChoice;
  /** `?review=RUN_ID` (where `/runs/RUN_ID` sends a browser): open that verified run's review. */
  review?: string;
  /** Parameters that were present but unusable, as sentences for the menu. */
  problems: string[];
}

export const MAX_SPEED = 1000;

export function parseLaunchParams(search: string): LaunchParams {
  const q = new URLSearchParams(search);
  const out: LaunchParams = { renderer: 'auto', problems: [] };
  const scenario = q.get('scenario');
  if (scenario !== null) {
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(scenario)) out.scenario = scenario;
    else out.problems.push(`scenario "${scenario}" is not a scenario id`);
  }
  const seed = q.get('seed');
  if (seed !== null) {
    const n = Number(seed);
    if (Number.isInteger(n) && n >= 0 && n <= 0x7fffffff) out.seed = n;
    else out.problems.push(`seed "${seed}" must be a whole number from 0 to ${0x7fffffff}`);
  }
  const mode = q.get('mode');
  if (mode !== null) {
    if ((PLAYER_MODES as readonly string[]).includes(mode)) out.mode = mode as PlayerMode;
    else out.problems.push(`mode "${mode}" must be one of ${PLAYER_MODES.join(', ')}`);
  }
  const speed = q.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if (Number.isFinite(n) && n > 0 && n <= MAX_SPEED) out.speed = n;
    else out.problems.push(`speed "${speed}" must be a number above 0 and at most ${MAX_SPEED}`);
  }
  const review = q.get('review');
  if (review !== null) {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(review)) out.review = review;
    else out.problems.push(`review "${review}" is not a run's address`);
  }
  const renderer = q.get('renderer');
  if (renderer !== null) {
    if (renderer === 'auto' || renderer === 'canvas' || renderer === 'webgl') out.renderer = renderer;
    else out.problems.push(`renderer "${renderer}" must be auto, canvas or webgl`);
  }
  return out;
}
