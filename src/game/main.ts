import Phaser from 'phaser';
import { Announcer } from './a11y/announcer';
import { AudioService } from './audio/audio.service';
import { installAutomationHook } from './automation/automation-hook';
import { AutosaveStore } from './run/autosave.store';
import { bundledCatalog } from './run/bundled-scenarios';
import { parseLaunchParams, type RendererChoice } from './run/launch-params';
import { addServedScenarios } from './run/served-scenarios';
import { netServices } from './net/net-services';
import { BootScene } from './scenes/boot.scene';
import { BriefingScene } from './scenes/briefing.scene';
import { DebriefScene } from './scenes/debrief.scene';
import { DeskScene } from './scenes/desk.scene';
import { DrillJoinScene } from './scenes/drill-join.scene';
import { DrillTrainerScene } from './scenes/drill-trainer.scene';
import { LeaderboardScene } from './scenes/leaderboard.scene';
import { MenuScene } from './scenes/menu.scene';
import { PauseScene } from './scenes/pause.scene';
import { PreloadScene } from './scenes/preload.scene';
import { Session, type GameServices } from './session';
import { defaultSettings, SettingsStore } from './settings/settings.store';
import { COLOR, HEIGHT, WIDTH } from './ui/theme';

const RENDERER: Record<RendererChoice, number> = { auto: Phaser.AUTO, canvas: Phaser.CANVAS, webgl: Phaser.WEBGL };

/**
 * Starts Surge Drill inside `parent`: builds the services every scene shares
 * (settings, scenario catalog, audio, live regions, autosave), installs the
 * read-only `window.surgeDrill` hook, and boots Phaser.
 */
export function startGame(parent: HTMLElement): { game: Phaser.Game; services: GameServices } {
  const launch = parseLaunchParams(window.location.search);
  const prefersReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const settings = new SettingsStore(window.localStorage, defaultSettings(prefersReduced));
  const audio = new AudioService(settings.get());
  settings.subscribe((s) => audio.apply(s));
  const catalog = bundledCatalog();
  const session = new Session();
  // Scenarios in the server's SCENARIO_DIR or published from the studio join the bundled ones;
  // without a server (offline, a static host) the bundled ones are the whole menu.
  const catalogReady = addServedScenarios(catalog, netServices().api).then(
    ({ problems }) => {
      if (problems.length) session.notices.push(`Scenarios on the server this game cannot play:\n${problems.slice(0, 4).join('\n')}`);
    },
    () => undefined,
  );
  const services: GameServices = {
    settings,
    catalog,
    catalogReady,
    audio,
    announcer: new Announcer(document.getElementById('announcer'), document.getElementById('alerts')),
    autosave: new AutosaveStore(window.localStorage),
    launch,
    session,
  };
  installAutomationHook(window, services);

  // Browsers allow sound only after a gesture; the first key press or click starts it.
  const unlock = () => {
    audio.unlock();
    window.removeEventListener('keydown', unlock, true);
    window.removeEventListener('pointerdown', unlock, true);
  };
  window.addEventListener('keydown', unlock, true);
  window.addEventListener('pointerdown', unlock, true);

  const game = new Phaser.Game({
    type: RENDERER[launch.renderer],
    parent,
    backgroundColor: COLOR.bg,
    banner: false,
    // Sound is Howler's; Phaser's own sound manager would open a second audio context.
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: WIDTH, height: HEIGHT },
    // Keys go through KeyRouter (DOM events); Phaser handles the pointer only.
    input: { keyboard: false, gamepad: false },
    disableContextMenu: true,
    scene: [BootScene, PreloadScene, MenuScene, BriefingScene, DeskScene, PauseScene, DebriefScene, LeaderboardScene, DrillJoinScene, DrillTrainerScene].map((S) => new S(services)),
  });
  parent.focus();
  return { game, services };
}
