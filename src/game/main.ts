import Phaser from 'phaser';
import { Announcer } from './a11y/announcer';
import { AudioService } from './audio/audio.service';
import { installAutomationHook } from './automation/automation-hook';
import { AutosaveStore } from './run/autosave.store';
import { bundledCatalog } from './run/bundled-scenarios';
import { parseLaunchParams, type RendererChoice } from './run/launch-params';
import { addServedScenarios } from './run/served-scenarios';
import { putEntry } from './run/scenario-catalog';
import { DRAFT_FILE, studioDraftFiles } from './run/studio-draft';
import { netServices } from './net/net-services';
import { BootScene } from './scenes/boot.scene';
import { BriefingScene } from './scenes/briefing.scene';
import { MenuScene } from './scenes/menu.scene';
import { PreloadScene } from './scenes/preload.scene';
import { prefetchScene } from './scenes/scene-loader';
import { SCENE } from './scenes/scene-keys';
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
  const draftFiles = studioDraftFiles(window.location.search, window.sessionStorage);
  const session = new Session();
  // Scenarios in the server's SCENARIO_DIR or published from the studio join the bundled ones;
  // without a server (offline, a static host) the bundled ones are the whole menu.
  const catalogReady = addServedScenarios(catalog, netServices().api).then(
    ({ problems }) => {
      if (problems.length) session.notices.push(`Scenarios on the server this game cannot play:\n${problems.slice(0, 4).join('\n')}`);
    },
    () => undefined,
  ).then(async () => {
    // A studio draft ("play this draft") wins over the bundle's and the server's version of its id;
    // the YAML parser loads only when there is one.
    const text = draftFiles[DRAFT_FILE];
    if (text === undefined) return;
    const { loadScenario } = await import('./run/served-scenario-loader');
    const loaded = loadScenario(text, DRAFT_FILE);
    if (loaded.ok) putEntry(catalog, { id: loaded.scenario.id, file: DRAFT_FILE, scenario: loaded.scenario, hash: loaded.hash, origin: 'server' });
    else session.notices.push(`The studio draft cannot be played: ${loaded.problems[0]?.message ?? 'not a scenario'}.`);
  });
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
    // The first screen's scenes; the others are added as they are first wanted (scenes/scene-loader.ts).
    scene: [BootScene, PreloadScene, MenuScene, BriefingScene].map((S) => new S(services)),
  });
  // An address that goes straight to a shift or to a shared run's debrief: its code downloads while Phaser boots.
  if (launch.review !== undefined) prefetchScene(game, services, SCENE.debrief);
  else if (launch.scenario !== undefined) prefetchScene(game, services, SCENE.desk);
  parent.focus();
  return { game, services };
}
