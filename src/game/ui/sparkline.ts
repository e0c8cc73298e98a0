import type Phaser from 'phaser';

/** Draws `values` as a small line in a box; the scale is fixed when given, else fitted to the data. */
export function drawSparkline(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  values: readonly number[],
  color: number,
  range?: [number, number],
): void {
  g.clear();
  g.lineStyle(1, 0x3a4756, 1);
  g.strokeRect(x, y, w, h);
  if (values.length < 2) return;
  let lo = range ? range[0] : Math.min(...values);
  let hi = range ? range[1] : Math.max(...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  g.lineStyle(2, color, 1);
  g.beginPath();
  values.forEach((v, i) => {
    const px = x + (i / (values.length - 1)) * w;
    const py = y + h - ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * h;
    if (i === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  });
  g.strokePath();
}
