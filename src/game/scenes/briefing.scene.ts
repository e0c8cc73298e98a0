import { briefingDoc } from '../desk/guideline-text';
import type { PlayerMode } from '../run/launch-params';
import { startRun } from '../run/run-launcher';
import { findEntry } from '../run/scenario-catalog';
import type { GameServices } from '../session';
import { Button } from '../ui/button';
import { ScrollDoc } from '../ui/scroll-doc';
import { addPanel } from '../ui/theme';
import { BaseScene } from './base.scene';
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
    const start = () => {
      startRun(this.services, entry, data.mode);
      this.scene.start(SCENE.desk);
    };
    const back = () => this.scene.start(SCENE.menu);
    const startButton = new Button(this, 840, 644, 400, 48, 'Start the shift', start, { hotkey: 'Enter', size: 'l' });
    startButton.setFocused(true);
    new Button(this, 40, 644, 260, 48, 'Back to the menu', back, { hotkey: 'Esc' });
    this.keys.push((key) => {
      if (key === 'Enter' || key === ' ') start();
      else if (key === 'Escape') back();
      else return doc.handleKey(key);
      return true;
    });
    this.services.announcer.say(`Briefing: ${entry.scenario.title}. ${entry.scenario.summary} Press Enter to start the shift, arrow keys to scroll.`);
  }
}
