import type Phaser from 'phaser';
import type { GameServices } from '../session';
import { NET_SCENE } from './net-base.scene';
import { SCENE } from './scene-keys';

type SceneClass = new (services: GameServices) => Phaser.Scene;

export type ShiftChunk = typeof import('./shift-chunk');

/** The shift's chunk; the module system fetches it once however often it is asked for. */
const loadShift = (): Promise<ShiftChunk> => import('./shift-chunk');

/**
 * The scenes the first screen (boot, preload, menu, briefing) does not need, each imported the
 * first time it is wanted, so the page starts with less to download. The pause overlay comes
 * with the desk, which opens it without waiting.
 */
const LAZY_SCENES = {
  [SCENE.desk]: async () => {
    const shift = await loadShift();
    return [shift.DeskScene, shift.PauseScene];
  },
  [SCENE.debrief]: async () => [(await import('./debrief.scene')).DebriefScene],
  [NET_SCENE.leaderboard]: async () => [(await import('./leaderboard.scene')).LeaderboardScene],
  [NET_SCENE.drillJoin]: async () => [(await import('./drill-join.scene')).DrillJoinScene],
  [NET_SCENE.drillTrainer]: async () => [(await import('./drill-trainer.scene')).DrillTrainerScene],
} satisfies Record<string, () => Promise<SceneClass[]>>;

export type LazySceneKey = keyof typeof LAZY_SCENES;

/** Scenes being added, per game: asking twice waits for the same import. */
const adding = new WeakMap<Phaser.Game, Map<LazySceneKey, Promise<void>>>();

/** Imports `key`'s scene and adds it to the game, once. A failed import is forgotten, so asking again retries. */
function loadScene(game: Phaser.Game, services: GameServices, key: LazySceneKey): Promise<void> {
  let byKey = adding.get(game);
  if (!byKey) adding.set(game, (byKey = new Map()));
  let added = byKey.get(key);
  if (!added) {
    added = LAZY_SCENES[key]().then((classes) => {
      for (const Scene of classes) {
        const scene = new Scene(services);
        game.scene.add(scene.sys.settings.key, scene);
      }
    });
    added.catch(() => byKey.delete(key));
    byKey.set(key, added);
  }
  return added;
}

/** Starts loading `key` now, so that going there later does not wait; a failure shows when the player goes there. */
export function prefetchScene(game: Phaser.Game, services: GameServices, key: LazySceneKey): void {
  loadScene(game, services, key).catch(() => undefined);
}

/**
 * Goes from `from` to the lazily loaded scene `key` once it is loaded, unless the player has
 * left `from` meanwhile; resolves to whether it went. A failed download leaves the player where
 * they are, told why.
 */
export async function startScene(from: Phaser.Scene, services: GameServices, key: LazySceneKey, data?: object): Promise<boolean> {
  const go = await loaded(from, services, () => loadScene(from.game, services, key));
  if (go) from.scene.start(key, data);
  return go;
}

/**
 * Loads the shift's chunk (and adds the desk), then runs `go` with its launcher unless the player
 * has left `from` meanwhile; resolves to whether it ran. Prefetched as the menu shows, the chunk
 * is there by the time the shift starts.
 */
export async function withShift(from: Phaser.Scene, services: GameServices, go: (shift: ShiftChunk) => void): Promise<boolean> {
  let shift: ShiftChunk | undefined;
  const ready = async () => {
    [shift] = await Promise.all([loadShift(), loadScene(from.game, services, SCENE.desk)]);
  };
  const went = await loaded(from, services, ready);
  if (went) go(shift!);
  return went;
}

/** Whether `load` succeeded and the player is still on `from`; a failure is announced. */
async function loaded(from: Phaser.Scene, services: GameServices, load: () => Promise<void>): Promise<boolean> {
  const at = from.scene.key;
  try {
    await load();
  } catch {
    services.announcer.say('Could not load the next screen: check the connection and try again, or reload the page.', true);
    return false;
  }
  return services.session.scene === at;
}
