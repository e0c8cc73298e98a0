/**
 * What a shift needs beyond the first screen, loaded as one chunk when a shift is about to start
 * (scene-loader.ts): the desk and its pause overlay, and the run launcher, which brings the
 * simulation, the reply judge and its lexicon.
 */
export { DeskScene } from './desk.scene';
export { PauseScene } from './pause.scene';
export { launchFromUrl, resumeRun, startRun } from '../run/run-launcher';
