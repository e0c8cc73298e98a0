import type Phaser from 'phaser';
import type { Breach } from '../../core/index';
import { addText, COLOR, lineHeight } from '../ui/theme';

/** Real milliseconds a citation stays on the desk. */
const SHOW_MS = 6000;

/**
 * The citation slip, after *Papers, Please*: the moment a rule is broken a slip
 * lands on the desk naming the rule ("Guideline 4.1: …"), what it was about and
 * what it cost. Several breaches queue up; the newest shows, with a count.
 */
export class CitationSlip {
  private readonly paper: Phaser.GameObjects.Rectangle;
  private readonly heading: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly footer: Phaser.GameObjects.Text;
  private hideAt = 0;
  private count = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly reducedMotion: () => boolean,
  ) {
    this.paper = scene.add.rectangle(x, y, w, 100, COLOR.paper).setOrigin(0, 0).setStrokeStyle(3, COLOR.bad).setDepth(50);
    this.heading = addText(scene, x + 14, y + 10, '', { size: 'm', bold: true, color: 0x9b1c1c, wrap: w - 28 }).setDepth(51);
    this.body = addText(scene, x + 14, y + 14 + lineHeight('m'), '', { size: 'm', color: COLOR.ink, wrap: w - 28 }).setDepth(51);
    this.footer = addText(scene, x + 14, y, '', { size: 's', color: 0x5a4a3a, wrap: w - 28 }).setDepth(51);
    this.paper.setInteractive({ useHandCursor: true }).on('pointerdown', () => this.dismiss());
    this.setVisible(false);
  }

  show(breach: Breach, clock: string, now: number): void {
    this.count = this.visible() ? this.count + 1 : 1;
    this.hideAt = now + SHOW_MS;
    const rule = breach.rule === 'practice' ? 'Good practice' : `Guideline ${breach.rule}`;
    this.heading.setText(`✗ CITATION — ${rule}`);
    this.body.setText(breach.text);
    const more = this.count > 1 ? ` · ${this.count} citations just now` : '';
    this.footer.setText(`${breach.postId !== undefined ? `Post #${breach.postId} · ` : ''}${clock} · goodwill −4${more} · click to dismiss`);
    // The slip grows with its text.
    this.body.setY(this.y + 14 + this.heading.height);
    this.footer.setY(this.body.y + this.body.height + 8);
    this.paper.setSize(this.w, this.footer.y + this.footer.height + 10 - this.y);
    this.setVisible(true);
    if (!this.reducedMotion()) {
      // Slides in from the right: seen out of the corner of the eye while working the feed.
      for (const o of [this.paper, this.heading, this.body, this.footer]) {
        this.scene.tweens.killTweensOf(o);
        const to = o === this.paper ? this.x : this.x + 14;
        o.x = to + 60;
        this.scene.tweens.add({ targets: o, x: to, duration: 180, ease: 'Cubic.easeOut' });
      }
    }
  }

  update(now: number): void {
    if (this.visible() && now >= this.hideAt) this.dismiss();
  }

  dismiss(): void {
    this.setVisible(false);
    this.count = 0;
  }

  private visible(): boolean {
    return this.paper.visible;
  }

  private setVisible(on: boolean): void {
    for (const o of [this.paper, this.heading, this.body, this.footer]) o.setVisible(on);
  }
}
