import type Phaser from 'phaser';
import type { RunController } from '../run/run-controller';
import { Button } from '../ui/button';
import { addPanel, addText, COLOR, lineHeight } from '../ui/theme';

/**
 * The escalation panel's canvas part: the level the desk has declared and the
 * button to declare another. Its obligations, measures and hints are dense
 * text, drawn by the reading layer in `readingRegion`.
 */
export class EscalationPanel {
  readonly declareButton: Button;
  /** Where the reading layer draws the obligations, in design pixels. */
  readonly readingRegion: { x: number; y: number; w: number; h: number };
  private readonly level: Phaser.GameObjects.Text;
  private levelShown = -1;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
    private readonly run: RunController,
    onDeclare: () => void,
  ) {
    addPanel(scene, x, y, w, h);
    const pad = 12;
    addText(scene, x + pad, y + pad, 'DECLARED LEVEL', { size: 'xs', color: COLOR.dim });
    this.level = addText(scene, x + pad, y + pad + lineHeight('xs'), '', { size: 'l', bold: true, wrap: w - 2 * pad });
    const by = y + pad + lineHeight('xs') + lineHeight('l') * 2 + 4;
    this.declareButton = new Button(scene, x + pad, by, w - 2 * pad, lineHeight('m') + 10, 'Declare level', onDeclare, { hotkey: 'V' });
    const top = by + lineHeight('m') + 16;
    this.readingRegion = { x, y: top, w, h: y + h - top };
  }

  render(): void {
    const s = this.run.sim.state;
    if (s.declaredLevel === this.levelShown) return;
    this.levelShown = s.declaredLevel;
    this.level.setText(this.run.sim.scenario.guideline.levels[s.declaredLevel]!.name);
  }
}
