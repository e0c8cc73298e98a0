import { isPlayerMode } from '../../core/index';
import { guidelineDoc } from '../desk/guideline-text';
import { formatSpeed, nextSpeed } from '../run/pace';
import { startRun } from '../run/run-launcher';
import type { GameServices } from '../session';
import { DocOverlay } from '../ui/doc-overlay';
import { FocusList } from '../ui/focus-list';
import { keyHelpDoc } from '../ui/key-help';
import { MenuRow, type MenuRowHandlers } from '../ui/menu-items';
import { addText, COLOR, lineHeight } from '../ui/theme';
import { BaseScene } from './base.scene';
import { SCENE } from './scene-keys';

/**
 * Pause (practice and tutorial only), over the frozen desk: resume, change the
 * speed, read the guideline, adjust sound, restart, or leave for the menu (the
 * run stays saved and can be resumed there).
 */
export class PauseScene extends BaseScene {
  private overlay: DocOverlay | undefined;

  constructor(services: GameServices) {
    super(SCENE.pause, services);
  }

  create(): void {
    this.begin(false);
    this.overlay = undefined;
    const run = this.services.session.run;
    if (!run) {
      this.resume();
      return;
    }
    const settings = this.services.settings;
    this.add.rectangle(0, 0, 1280, 720, 0x000000, 0.72).setOrigin(0, 0).setInteractive();
    this.add.rectangle(400, 90, 480, 560, COLOR.panel).setOrigin(0, 0).setStrokeStyle(2, COLOR.focus);
    addText(this, 640, 110, 'Paused', { size: 'xxl', bold: true }).setOrigin(0.5, 0);
    addText(this, 640, 110 + lineHeight('xxl'), `${run.sim.clock()} · the clock is stopped`, { size: 'm', color: COLOR.dim }).setOrigin(0.5, 0);
    const x = 440;
    const w = 400;
    const h = lineHeight('m') + 14;
    let y = 230;
    const row = (caption: () => string, handlers: MenuRowHandlers) => {
      const r = new MenuRow(this, x, y, w, h, caption, handlers);
      y += h + 8;
      return r;
    };
    const rows = [
      row(() => 'Resume  [P / Esc]', { activate: () => this.resume() }),
      row(() => `Speed: ${formatSpeed(run.speed)}`, {
        left: () => run.setSpeed(nextSpeed(run.speed, -1)),
        right: () => run.setSpeed(nextSpeed(run.speed, 1)),
      }),
      row(() => `Volume: ${settings.get().volume}%`, {
        left: () => settings.update({ volume: Math.max(0, settings.get().volume - 10) }),
        right: () => settings.update({ volume: Math.min(100, settings.get().volume + 10) }),
      }),
      row(() => `Sound: ${settings.get().muted ? 'muted' : 'on'}`, { activate: () => settings.update({ muted: !settings.get().muted }) }),
      row(() => 'Read the guideline  [G]', { activate: () => this.show('guideline') }),
      row(() => 'Keys  [?]', { activate: () => this.show('keys') }),
      row(() => 'Restart this shift (same seed)', {
        activate: () => {
          // Same seed and mode where the mode allows a same-seed retry; otherwise as practice.
          const mode = run.rules.retry === 'same-seed' && isPlayerMode(run.mode) ? run.mode : 'practice';
          startRun(this.services, run.entry, mode, run.seed, run.speed);
          // Starting the paused desk again restarts it with the new run, and ends this overlay.
          this.scene.start(SCENE.desk);
        },
      }),
      row(() => 'Save and quit to the menu', {
        activate: () => {
          this.services.autosave.write(run.record(), run.sim.state.t, run.speed);
          this.services.session.run = undefined;
          this.scene.stop(SCENE.desk);
          this.scene.start(SCENE.menu);
        },
      }),
    ];
    const focus = new FocusList(rows, 'vertical');
    this.keys.push((key, e) => {
      if (key === 'p' || key === 'Escape') {
        this.resume();
        return true;
      }
      if (key === 'g') {
        this.show('guideline');
        return true;
      }
      if (key === '?') {
        this.show('keys');
        return true;
      }
      return focus.handle(key, e.shiftKey);
    });
    this.services.announcer.say('Paused. Arrow keys choose, Enter confirms, P resumes.');
  }

  private show(which: 'guideline' | 'keys'): void {
    const run = this.services.session.run;
    if (this.overlay || !run) return;
    const doc = which === 'guideline' ? guidelineDoc(run.entry.scenario) : keyHelpDoc();
    this.overlay = new DocOverlay(this, this.keys, which, doc, which === 'guideline' ? 'g' : '?', () => (this.overlay = undefined));
  }

  private resume(): void {
    this.scene.stop();
    this.scene.resume(SCENE.desk);
  }
}
