import { SOUND_FILES, SOUND_NAMES, type SoundName } from '../audio/sound-files';
import { netServices } from '../net/net-services';
import type { GameServices } from '../session';
import { addText, COLOR, lineHeight } from '../ui/theme';
import { BaseScene } from './base.scene';
import { startScene, withShift, type ShiftChunk } from './scene-loader';
import { SCENE } from './scene-keys';

/** How long the preloader waits for the server's scenario list before showing the bundled ones. */
const SERVED_SCENARIOS_WAIT_MS = 3_000;

/**
 * Loads the sounds with a progress bar, hands them to the audio service, then
 * goes to the menu, or straight to the desk when the address names a scenario.
 */
export class PreloadScene extends BaseScene {
  constructor(services: GameServices) {
    super(SCENE.preload, services);
  }

  preload(): void {
    this.begin();
    const x = 340;
    const y = 360;
    const w = 600;
    addText(this, 640, y - 60, 'SURGE DRILL', { size: 'xxl', bold: true, color: COLOR.focus }).setOrigin(0.5, 1);
    const label = addText(this, 640, y - 30, 'Loading sounds… 0%', { size: 'm', color: COLOR.dim }).setOrigin(0.5, 0);
    this.add.rectangle(x, y, w, 24).setOrigin(0, 0).setStrokeStyle(2, COLOR.line);
    const bar = this.add.rectangle(x + 3, y + 3, 0, 18, COLOR.accent).setOrigin(0, 0);
    addText(this, 640, y + 24 + lineHeight('s'), 'Keyboard: arrows and Tab move, Enter chooses, ? lists every key.', { size: 's', color: COLOR.dim }).setOrigin(0.5, 0);
    this.load.on('progress', (value: number) => {
      bar.setSize(Math.max(1, (w - 6) * value), 18);
      label.setText(`Loading sounds… ${Math.round(value * 100)}%`);
    });
    for (const name of SOUND_NAMES) this.load.binary(name, SOUND_FILES[name]);
  }

  create(): void {
    const urls: Partial<Record<SoundName, string>> = {};
    for (const name of SOUND_NAMES) {
      const data = this.cache.binary.get(name) as ArrayBuffer | undefined;
      if (data) urls[name] = URL.createObjectURL(new Blob([data], { type: 'audio/wav' }));
    }
    this.services.audio.provide(urls);
    const go = () => {
      const review = this.services.launch.review;
      if (review !== undefined) {
        void this.openSharedRun(review);
        return;
      }
      if (this.services.launch.scenario === undefined) {
        this.scene.start(SCENE.menu);
        return;
      }
      const launch = (shift: ShiftChunk) => this.scene.start(shift.launchFromUrl(this.services) ? SCENE.desk : SCENE.menu);
      // Without the shift's code (a failed download, announced), the menu.
      void withShift(this, this.services, launch).then((went) => went || this.scene.start(SCENE.menu));
    };
    // The menu lists the server's scenarios too; a slow server does not hold the game back for long.
    const patience = new Promise<void>((resolve) => setTimeout(resolve, SERVED_SCENARIOS_WAIT_MS));
    void Promise.race([this.services.catalogReady, patience]).then(go);
  }

  /** A shared run's address: its review, or the menu with the reason it cannot be shown. */
  private async openSharedRun(runId: string): Promise<void> {
    addText(this, 640, 460, 'Opening the shared run…', { size: 'm', color: COLOR.dim }).setOrigin(0.5, 0);
    // Rebuilding the run needs the simulation, so the loader comes on demand with it.
    const shared = await import('../review/shared-run').then(
      ({ loadSharedRun }) => loadSharedRun(netServices().api, this.services.catalog, runId),
      () => 'The shared run could not be opened: the page could not load the code that replays it. Reload the page to try again.',
    );
    if (typeof shared === 'string') {
      this.services.session.notices.push(shared);
      this.services.announcer.say(shared, true);
      this.scene.start(SCENE.menu);
      return;
    }
    this.services.session.finished = shared;
    if (!(await startScene(this, this.services, SCENE.debrief))) this.scene.start(SCENE.menu);
  }
}
