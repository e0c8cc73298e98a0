import type Phaser from 'phaser';
import type { Focusable } from './focus-list';
import { COLOR, fontPx, MIN_CANVAS_FONT_PX, showText, textStyle, type Size } from './theme';

export interface ButtonOptions {
  /** The key that triggers it from anywhere on the screen, shown on the button. */
  hotkey?: string;
  size?: Size;
  align?: 'left' | 'center';
}

/**
 * A clickable, focusable button. Focus is a thick outline (not only a colour
 * change); a disabled button is dimmed and skipped by keyboard focus.
 */
export class Button implements Focusable {
  readonly bg: Phaser.GameObjects.Rectangle;
  readonly label: Phaser.GameObjects.Text;
  private focused = false;
  private hovered = false;
  private isEnabled = true;
  private caption: string;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    readonly width: number,
    readonly height: number,
    caption: string,
    private readonly onActivate: () => void,
    private readonly options: ButtonOptions = {},
  ) {
    this.caption = caption;
    this.bg = scene.add.rectangle(x, y, width, height, COLOR.panelRaised).setOrigin(0, 0);
    this.bg.setInteractive({ useHandCursor: true });
    this.bg.on('pointerover', () => {
      this.hovered = true;
      this.redraw();
    });
    this.bg.on('pointerout', () => {
      this.hovered = false;
      this.redraw();
    });
    this.bg.on('pointerdown', () => {
      if (this.isEnabled) this.onActivate();
    });
    const center = options.align !== 'left';
    this.label = scene.add
      .text(center ? x + width / 2 : x + 10, y + height / 2, '', textStyle({ size: options.size ?? 'm' }))
      .setOrigin(center ? 0.5 : 0, 0.5);
    this.redraw();
  }

  setCaption(caption: string): this {
    if (caption !== this.caption) {
      this.caption = caption;
      this.redraw();
    }
    return this;
  }

  setEnabled(on: boolean): this {
    if (on !== this.isEnabled) {
      this.isEnabled = on;
      this.redraw();
    }
    return this;
  }

  setDepth(depth: number): this {
    this.bg.setDepth(depth);
    this.label.setDepth(depth + 0.1);
    return this;
  }

  setFocused(on: boolean): void {
    this.focused = on;
    this.redraw();
  }

  activate(): void {
    if (this.isEnabled) this.onActivate();
  }

  enabled(): boolean {
    return this.isEnabled;
  }

  /**
   * Large text settings must not spill a caption out of its button: shrink it to fit, but
   * never below the smallest readable size; below that, wrap it onto a second line.
   */
  private fit(): void {
    const room = this.width - 14;
    let size = fontPx(this.options.size ?? 'm');
    // Each of these redraws the label (setFontSize only when the size differs), so skip the no-ops.
    if (this.label.style.wordWrapWidth !== null) this.label.setWordWrapWidth(null);
    this.label.setFontSize(size);
    while (this.label.width > room && size > MIN_CANVAS_FONT_PX) {
      size -= 1;
      this.label.setFontSize(size);
    }
    if (this.label.width > room) this.label.setWordWrapWidth(room, true).setAlign('center');
  }

  private redraw(): void {
    const key = this.options.hotkey ? `[${this.options.hotkey}] ` : '';
    const text = `${this.focused ? '▸ ' : ''}${key}${this.caption}`;
    const changed = this.label.text !== text;
    showText(this.label, text, this.isEnabled ? COLOR.text : COLOR.dim);
    if (changed) this.fit();
    this.bg.setFillStyle(this.focused || this.hovered ? 0x2f3d4d : COLOR.panelRaised, this.isEnabled ? 1 : 0.5);
    this.bg.setStrokeStyle(this.focused ? 3 : 1, this.focused ? COLOR.focus : COLOR.line);
  }
}
