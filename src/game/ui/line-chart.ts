import type Phaser from 'phaser';
import { addText, COLOR } from './theme';

export interface Series {
  values: readonly number[];
  color: number;
  /** Dashed lines tell two series apart without relying on colour. */
  dashed?: boolean;
  /** Draw as steps (a level), not as a slope. */
  steps?: boolean;
}

/**
 * A small time chart: a framed box, one or more series over the same samples,
 * the value range at the left, and an optional marker at one sample.
 */
export class LineChart {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly marker: Phaser.GameObjects.Graphics;
  private readonly lo: number;
  private readonly hi: number;
  private readonly n: number;

  constructor(
    scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
    title: string,
    series: Series[],
    range: [number, number] | undefined,
    labels: { low: string; high: string; start: string; end: string },
  ) {
    const all = series.flatMap((s) => s.values);
    this.lo = range ? range[0] : Math.min(0, ...all);
    this.hi = range ? range[1] : Math.max(1, ...all);
    this.n = Math.max(...series.map((s) => s.values.length), 2);
    addText(scene, x, y - 18, title, { size: 'xs', color: COLOR.dim });
    addText(scene, x - 6, y, labels.high, { size: 'xs', color: COLOR.dim }).setOrigin(1, 0);
    addText(scene, x - 6, y + h, labels.low, { size: 'xs', color: COLOR.dim }).setOrigin(1, 1);
    addText(scene, x, y + h + 2, labels.start, { size: 'xs', color: COLOR.dim });
    addText(scene, x + w, y + h + 2, labels.end, { size: 'xs', color: COLOR.dim }).setOrigin(1, 0);
    this.g = scene.add.graphics();
    this.g.fillStyle(COLOR.bg, 1).fillRect(x, y, w, h);
    this.g.lineStyle(1, COLOR.line, 1).strokeRect(x, y, w, h);
    for (const s of series) this.draw(s);
    this.marker = scene.add.graphics();
  }

  /** Puts the marker at sample `i` (or removes it). */
  mark(i: number | undefined): void {
    this.marker.clear();
    if (i === undefined) return;
    const px = this.px(Math.max(0, Math.min(this.n - 1, i)));
    this.marker.lineStyle(2, COLOR.focus, 1).beginPath().moveTo(px, this.y).lineTo(px, this.y + this.h).strokePath();
  }

  private px(i: number): number {
    return this.x + (i / (this.n - 1)) * this.w;
  }

  private py(v: number): number {
    const span = this.hi - this.lo || 1;
    return this.y + this.h - ((Math.max(this.lo, Math.min(this.hi, v)) - this.lo) / span) * this.h;
  }

  private draw(s: Series): void {
    const pts: [number, number][] = [];
    s.values.forEach((v, i) => {
      if (s.steps && i > 0) pts.push([this.px(i), this.py(s.values[i - 1]!)]);
      pts.push([this.px(i), this.py(v)]);
    });
    this.g.lineStyle(s.dashed ? 2 : 3, s.color, 1);
    // Dashes (6 px on, 4 px off) run on across segments, so many short steps still read as dashed.
    let phase = 0;
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0] = pts[i - 1]!;
      const [x1, y1] = pts[i]!;
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (!s.dashed) {
        this.g.beginPath().moveTo(x0, y0).lineTo(x1, y1).strokePath();
        continue;
      }
      let d = 0;
      while (d < len) {
        const inDash = phase % 10 < 6;
        const step = Math.min(len - d, inDash ? 6 - (phase % 10) : 10 - (phase % 10));
        if (inDash && step > 0) {
          const a = d / len;
          const b = (d + step) / len;
          this.g.beginPath().moveTo(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a).lineTo(x0 + (x1 - x0) * b, y0 + (y1 - y0) * b).strokePath();
        }
        d += step;
        phase += step;
      }
    }
  }
}
