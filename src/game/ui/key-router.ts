import type Phaser from 'phaser';

/** A key as the game names it: single characters lower-cased, others as KeyboardEvent.key ('ArrowUp', 'Enter'). */
export function keyName(e: KeyboardEvent): string {
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

export type KeyHandler = (key: string, e: KeyboardEvent) => boolean;

interface Layer {
  handler: KeyHandler;
  /** A modal layer (a dialog, an overlay) keeps keys from the layers beneath it. */
  modal: boolean;
}

/**
 * Routes a scene's key presses through a stack of layers, top first: a dialog
 * sees keys before the desk beneath it. A handled key has its browser default
 * prevented (Tab must not leave the canvas, Space must not scroll).
 *
 * It listens to the DOM directly, not through Phaser's keyboard plugin: that
 * plugin replays its whole per-frame queue on every key event, so two presses
 * within one slow frame arrive three times (a phrase block toggled on and off
 * again). Keys reach a scene only while it is running, not while it is paused
 * under the pause overlay.
 */
export class KeyRouter {
  private readonly layers: Layer[] = [];

  constructor(scene: Phaser.Scene) {
    const listener = (e: KeyboardEvent) => {
      if (scene.sys.isActive()) this.dispatch(e);
    };
    window.addEventListener('keydown', listener);
    scene.events.once('shutdown', () => {
      window.removeEventListener('keydown', listener);
      this.layers.length = 0;
    });
  }

  /** Adds a layer on top; returns the function that removes it. */
  push(handler: KeyHandler, modal = false): () => void {
    const layer = { handler, modal };
    this.layers.push(layer);
    return () => {
      const i = this.layers.indexOf(layer);
      if (i >= 0) this.layers.splice(i, 1);
    };
  }

  dispatch(e: KeyboardEvent): void {
    // Browser and system shortcuts stay theirs.
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = keyName(e);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i]!;
      if (layer.handler(key, e)) {
        e.preventDefault();
        return;
      }
      if (layer.modal) {
        if (key === 'Tab' || key === ' ') e.preventDefault();
        return;
      }
    }
  }
}
