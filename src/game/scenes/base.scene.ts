import Phaser from 'phaser';
import type { GameServices } from '../session';
import { KeyRouter } from '../ui/key-router';
import { COLOR, setTextScale } from '../ui/theme';
import type { SceneKey } from './scene-keys';

/**
 * What every scene shares: the services, the player's text size, the key
 * router, and telling the session (and so `window.surgeDrill`) which scene is on.
 */
export abstract class BaseScene extends Phaser.Scene {
  protected keys!: KeyRouter;

  constructor(
    key: SceneKey,
    protected readonly services: GameServices,
  ) {
    super(key);
  }

  /** Call first in `create`. An overlay scene (pause) is not opaque: the desk shows beneath it. */
  protected begin(opaque = true): void {
    this.services.session.scene = this.scene.key;
    setTextScale(this.services.settings.get().textSize);
    if (opaque) this.cameras.main.setBackgroundColor(COLOR.bg);
    this.keys = new KeyRouter(this);
  }

  protected reducedMotion(): boolean {
    return this.services.settings.get().reducedMotion;
  }
}
