import type Phaser from 'phaser';
import type { DocLine, DocStyle } from '../desk/guideline-text';
import { addText, COLOR, lineHeight, textStyle, type Size, type TextOptions } from './theme';

const STYLE: Record<DocStyle, TextOptions & { size: Size; gapBefore: number }> = {
  title: { size: 'xl', bold: true, gapBefore: 0 },
  heading: { size: 'l', bold: true, color: COLOR.focus, gapBefore: 10 },
  body: { size: 'm', gapBefore: 2 },
  dim: { size: 's', color: COLOR.dim, gapBefore: 0 },
  bullet: { size: 'm', gapBefore: 2 },
};

interface VisualLine {
  text: string;
  style: DocStyle;
  height: number;
}

/**
 * A scrollable document drawn with a small pool of text objects: lines are
 * wrapped once, and only the lines in the window are drawn. ↑/↓, Page Up/Down,
 * Home/End and the mouse wheel scroll it.
 */
export class ScrollDoc {
  private readonly lines: VisualLine[] = [];
  private readonly pool: Phaser.GameObjects.Text[] = [];
  private readonly more: Phaser.GameObjects.Text;
  private top = 0;
  private readonly wheel: (p: unknown, o: unknown, dx: number, dy: number) => void;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
    doc: DocLine[],
    private readonly depth = 0,
  ) {
    const measure = scene.add.text(0, 0, '', textStyle()).setVisible(false);
    for (const line of doc) {
      const st = STYLE[line.style];
      const indent = line.style === 'bullet' ? 18 : 0;
      measure.setStyle(textStyle({ ...st, wrap: w - indent - 12 }));
      const wrapped = measure.getWrappedText(line.text);
      wrapped.forEach((text, i) =>
        this.lines.push({
          text: line.style === 'bullet' ? `${i === 0 ? '•' : ' '} ${text}` : text,
          style: line.style,
          height: lineHeight(st.size) + (i === 0 ? st.gapBefore : 0),
        }),
      );
    }
    measure.destroy();
    this.more = addText(scene, x + w - 12, y + h - lineHeight('xs'), '', { size: 'xs', color: COLOR.dim }).setOrigin(1, 0).setDepth(depth);
    this.wheel = (_p, _o, _dx, dy) => this.scroll(dy > 0 ? 3 : -3);
    scene.input.on('wheel', this.wheel);
    this.render();
  }

  handleKey(key: string): boolean {
    const page = Math.max(1, this.visibleCount() - 2);
    switch (key) {
      case 'ArrowUp':
        this.scroll(-1);
        return true;
      case 'ArrowDown':
        this.scroll(1);
        return true;
      case 'PageUp':
        this.scroll(-page);
        return true;
      case 'PageDown':
        this.scroll(page);
        return true;
      case 'Home':
        this.top = 0;
        this.render();
        return true;
      case 'End':
        this.scroll(this.lines.length);
        return true;
      default:
        return false;
    }
  }

  scroll(delta: number): void {
    this.top = Math.max(0, Math.min(this.maxTop(), this.top + delta));
    this.render();
  }

  destroy(): void {
    this.scene.input.off('wheel', this.wheel);
    for (const t of this.pool) t.destroy();
    this.more.destroy();
  }

  /** The last top line from which the rest of the document still fills the window. */
  private maxTop(): number {
    let used = 0;
    for (let i = this.lines.length - 1; i >= 0; i--) {
      used += this.lines[i]!.height;
      if (used > this.h - lineHeight('xs')) return Math.min(this.lines.length - 1, i + 1);
    }
    return 0;
  }

  private visibleCount(): number {
    let used = 0;
    let n = 0;
    for (let i = this.top; i < this.lines.length && used + this.lines[i]!.height <= this.h - lineHeight('xs'); i++, n++) used += this.lines[i]!.height;
    return n;
  }

  private render(): void {
    let y = this.y;
    let slot = 0;
    let i = this.top;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (y + line.height > this.y + this.h - lineHeight('xs')) break;
      let t = this.pool[slot];
      if (!t) {
        t = addText(this.scene, this.x, y, '').setDepth(this.depth);
        this.pool.push(t);
      }
      const st = STYLE[line.style];
      t.setStyle(textStyle(st));
      t.setText(line.text).setPosition(this.x + (line.style === 'bullet' ? 6 : 0), y + (line.height - lineHeight(st.size))).setVisible(true);
      y += line.height;
      slot++;
    }
    for (; slot < this.pool.length; slot++) this.pool[slot]!.setVisible(false);
    const above = this.top > 0;
    const below = i < this.lines.length;
    this.more.setText(above || below ? `${above ? '↑ ' : ''}${below ? '↓ more' : 'top ↑'}  (↑↓ PgUp PgDn)` : '');
  }
}
