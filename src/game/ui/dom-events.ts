/** Mouse and touch events Phaser also listens for on the window. */
const POINTER_EVENTS = ['mousedown', 'mouseup', 'touchstart', 'touchend', 'pointerdown', 'pointerup'] as const;

/**
 * Keeps clicks on a DOM element over the canvas from reaching the game. Phaser reads
 * mouse and touch events from the window too, and hit-tests them against the canvas
 * beneath: without this, pressing a button of the composer also pressed whatever
 * canvas button lay under it (the action bar's Pause).
 */
export function keepPointerFromCanvas(e: HTMLElement): void {
  for (const type of POINTER_EVENTS) e.addEventListener(type, (ev) => ev.stopPropagation());
}
