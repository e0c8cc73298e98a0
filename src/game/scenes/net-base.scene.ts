import Phaser from 'phaser';
import type { GameServices } from '../session';
import { KeyRouter } from '../ui/key-router';
import { COLOR, setTextScale } from '../ui/theme';

/** Keys of the server-backed scenes (leaderboards and drills); the game's own are in scene-keys.ts. */
export const NET_SCENE = {
  leaderboard: 'leaderboard',
  drillJoin: 'drill-join',
  drillTrainer: 'drill-trainer',
} as const;

export type NetSceneKey = (typeof NET_SCENE)[keyof typeof NET_SCENE];

/** What the server-backed scenes share with the game's scenes: services, text size, the key router. */
export abstract class NetBaseScene extends Phaser.Scene {
  protected keys!: KeyRouter;

  constructor(
    key: NetSceneKey,
    protected readonly services: GameServices,
  ) {
    super(key);
  }

  protected begin(): void {
    this.services.session.scene = this.scene.key;
    setTextScale(this.services.settings.get().textSize);
    this.cameras.main.setBackgroundColor(COLOR.bg);
    this.keys = new KeyRouter(this);
  }
}
