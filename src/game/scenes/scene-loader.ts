import type Phaser from 'phaser';
import type { GameServices } from '../session';
import { NET_SCENE } from './net-base.scene';
import { SCENE } from './scene-keys';

type SceneClass = new (services: GameServices) => Phaser.Scene;

export type ShiftChunk = typeof import('./shift-chunk');

/** The shift's chunk once imported; the desk's scenes come from it, so it is here once the desk is added. */
let shiftChunk: ShiftChunk | undefined;

/**
 * The scenes the first screen (boot, preload, menu, briefing) does not need, each imported the
 * first time it is wanted, so the page starts with less to download. The pause overlay comes
 * with the desk, which opens it without waiting.
 */
const LAZY_SCENES = {
  [SCENE.desk]: async () => {
    shiftChunk = await import('./shift-chunk');
    return [shiftChunk.DeskScene, shiftChunk.PauseScene];
  },
  [SCENE.debrief]: async () => [(await import('./debrief.scene')).DebriefScene],
  [NET_SCENE.leaderboard]: async () => [(await import('./leaderboard.scene')).LeaderboardScene],
  [NET_SCENE.drillJoin]: async () => [(await import('./drill-join.scene')).DrillJoinScene],
  [NET_SCENE.drillTrainer]: async () => [(await import('./drill-trainer.scene')).DrillTrainerScene],
} satisfies Record<string, () => Promise<SceneClass[]>>;

export type LazySceneKey = keyof typeof LAZY_SCENES;

/** A lazy scene being added to a game; `ready` once it is. */
interface Adding {
  ready: boolean;
  done: Promise<void>;
}

/** Scenes being added, per game: asking twice waits for the same import. */
const adding = new WeakMap<Phaser.Game, Map<LazySceneKey, Adding>>();

/** Imports `key`'s scenes and adds them to the game, once. A failed import is forgotten, so asking again retries. */
function loadScene(game: Phaser.Game, services: GameServices, key: LazySceneKey): Adding {
  let byKey = adding.get(game);
  if (!byKey) adding.set(game, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const scene: Adding = { ready: false, done: Promise.resolve() };
  scene.done = LAZY_SCENES[key]().then((classes) => {
    for (const Scene of classes) {
      const instance = new Scene(services);
      game.scene.add(instance.sys.settings.key, instance);
    }
    scene.ready = true;
  });
  scene.done.catch(() => byKey.delete(key));
  byKey.set(key, scene);
  return scene;
}

/** Starts loading `key` now, so that going there later does not wait; a failure shows when the player goes there. */
export function prefetchScene(game: Phaser.Game, services: GameServices, key: LazySceneKey): void {
  loadScene(game, services, key).done.catch(() => undefined);
}

/**
 * Goes from `from` to the lazily loaded scene `key`: at once when it is loaded, else once it is,
 * unless the player has left `from` meanwhile. Resolves to whether it went; a failed download
 * leaves the player where they are, told why.
 */
export function startScene(from: Phaser.Scene, services: GameServices, key: LazySceneKey, data?: object): Promise<boolean> {
  return whenAdded(from, services, loadScene(from.game, services, key), () => from.scene.start(key, data));
}

/**
 * Runs `go` with the shift's chunk (the run launcher; the desk added): at once when it is loaded,
 * else once it is, unless the player has left `from` meanwhile. Resolves to whether it ran.
 * Prefetched as the menu shows, the chunk is there by the time the shift starts.
 */
export function withShift(from: Phaser.Scene, services: GameServices, go: (shift: ShiftChunk) => void): Promise<boolean> {
  return whenAdded(from, services, loadScene(from.game, services, SCENE.desk), () => go(shiftChunk!));
}

/** Runs `go` once `scene` is added, if the player is still on `from`; resolves to whether it ran. */
async function whenAdded(from: Phaser.Scene, services: GameServices, scene: Adding, go: () => void): Promise<boolean> {
  // Added already: `go` runs now. An await would wait for a task, a frame or more behind software WebGL.
  if (!scene.ready) {
    try {
      await scene.done;
    } catch {
      services.announcer.say('Could not load the next screen: check the connection and try again, or reload the page.', true);
      return false;
    }
    if (services.session.scene !== from.scene.key) return false;
  }
  go();
  return true;
}
