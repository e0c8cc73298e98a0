import { modeRules } from '../../core/index';
import { briefingDoc } from '../desk/guideline-text';
import type { PlayerMode } from '../run/launch-params';
import { findEntry } from '../run/scenario-catalog';
import type { GameServices } from '../session';
import { Button } from '../ui/button';
import { ScrollDoc } from '../ui/scroll-doc';
import { addPanel, addText, COLOR } from '../ui/theme';
import type { CatalogEntry } from '../run/scenario-catalog';
import { netServices } from '../net/net-services';
import { NAME_MAX } from '../net/profile.store';
import { checkProfile } from '../net/profile-flow';
import { promptText } from '../net/text-prompt';
import type Phaser from 'phaser';
import { BaseScene } from './base.scene';
import { withShift } from './scene-loader';
import { SCENE } from './scene-keys';

const MODE_LINE: Record<PlayerMode, string> = {
  tutorial: 'Tutorial mode: a coach suggests the next key; you can pause (P) and change speed (+/−).',
  practice: 'Practice mode: pause with P, change speed with + and −, hints show what the guideline requires.',
  ranked: 'Ranked mode: fixed pace, no pause and no hints; the score can go on a leaderboard.',
};

/** The briefing: the brand, the situation, the team, and the guideline the shift is judged on. */
export class BriefingScene extends BaseScene {
  constructor(services: GameServices) {
    super(SCENE.briefing, services);
  }

  create(data: { scenarioId: string; mode: PlayerMode }): void {
    this.begin();
    const entry = findEntry(this.services.catalog, data.scenarioId);
    if (!entry) {
      this.scene.start(SCENE.menu);
      return;
    }
    addPanel(this, 40, 24, 1200, 600);
    const doc = new ScrollDoc(this, 64, 40, 1152, 570, briefingDoc(entry.scenario, MODE_LINE[data.mode]));
    let starting = false;
    const start = () => {
      if (starting) return;
      starting = true;
      // Ranked shifts play on a seed the server hands out; the others start here.
      const started =
        modeRules(data.mode).seedFrom === 'server'
          ? this.startRanked(entry, status)
          : withShift(this, this.services, (shift) => {
              shift.startRun(this.services, entry, data.mode);
              this.scene.start(SCENE.desk);
            });
      void started.finally(() => (starting = false));
    };
    const back = () => this.scene.start(SCENE.menu);
    const startButton = new Button(this, 840, 644, 400, 48, 'Start the shift', start, { hotkey: 'Enter', size: 'l' });
    startButton.setFocused(true);
    new Button(this, 40, 644, 260, 48, 'Back to the menu', back, { hotkey: 'Esc' });
    const status = addText(this, 320, 650, '', { size: 's', color: COLOR.warn, wrap: 500 });
    this.keys.push((key) => {
      if (key === 'Enter' || key === ' ') start();
      else if (key === 'Escape') back();
      else return doc.handleKey(key);
      return true;
    });
    this.services.announcer.say(`Briefing: ${entry.scenario.title}. ${entry.scenario.summary} Press Enter to start the shift, arrow keys to scroll.`);
  }

  /**
   * A ranked shift plays on a seed the server hands out, so nobody can shop for a
   * lucky seed offline; the leaderboard shows the player's name and team.
   */
  private async startRanked(entry: CatalogEntry, status: Phaser.GameObjects.Text): Promise<void> {
    const net = netServices();
    if (!net.profile.get().name) {
      const name = await promptText({ label: 'Your name on the leaderboard', value: '', maxLength: NAME_MAX, hint: 'Shown publicly next to your score.' });
      if (!name) return;
      const team = await promptText({ label: 'Your team (optional)', value: '', maxLength: NAME_MAX, hint: 'Team standings add up their members\' best scores. Leave empty for none.' });
      net.profile.set({ name, team: team ?? '' });
    }
    status.setText('Checking your name with the server…');
    const names = await checkProfile(net);
    if (!names.ok) {
      status.setText(`Cannot start a ranked shift: ${names.reason}.`);
      this.services.announcer.say(status.text, true);
      return;
    }
    status.setText('Asking the server for a ranked seed…');
    const attempt = await net.ranked.begin(entry.id);
    if (!attempt.ok) {
      status.setText(`Cannot start a ranked shift: ${attempt.reason}. Practice works offline.`);
      this.services.announcer.say(status.text, true);
      return;
    }
    await withShift(this, this.services, (shift) => {
      shift.startRun(this.services, entry, 'ranked', attempt.attempt.seed);
      this.scene.start(SCENE.desk);
    });
  }
}
