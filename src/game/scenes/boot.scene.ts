import type { GameServices } from '../session';
import { BaseScene } from './base.scene';
import { SCENE } from './scene-keys';

/** Boot: nothing to load for the preloader itself (it draws its bar with shapes); record the time and move on. */
export class BootScene extends BaseScene {
  constructor(services: GameServices) {
    super(SCENE.boot, services);
  }

  create(): void {
    this.begin();
    this.services.session.timings.bootMs = Math.round(performance.now());
    this.scene.start(SCENE.preload);
  }
}
