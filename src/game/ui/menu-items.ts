import type Phaser from 'phaser';
import type { Focusable } from './focus-list';
import { COLOR, css, textStyle, type Size } from './theme';

export interface MenuRowHandlers {
  activate?: () => void;
  left?: () => void;
  right?: () => void;
  onFocus?: () => void;
}

/**
 * A row of a vertical menu: a label and a value the player changes with ← and →
 * (a setting), or an action started with Enter. Focus shows as a thick outline
 * and a ▸ marker.
 */
export class MenuRow implements Focusable {
  readonly bg: Phaser.GameObjects.Rectangle;
  readonly text: Phaser.GameObjects.Text;
  private focused = false;
  private isEnabled = true;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
    private readonly caption: () => string,
    private readonly handlers: MenuRowHandlers,
    size: Size = 'm',
  ) {
    this.bg = scene.add.rectangle(x, y, w, h, COLOR.panel).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    this.text = scene.add.text(x + 12, y + h / 2, '', textStyle({ size })).setOrigin(0, 0.5);
    this.bg.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      // A click on the right third steps a setting forward, on the left third back.
      const local = pointer.x - this.bg.x;
      if (handlers.left && handlers.right && local < w / 3) handlers.left();
      else if (handlers.right && (local > (2 * w) / 3 || !handlers.activate)) handlers.right();
      else handlers.activate?.();
      this.refresh();
    });
    this.refresh();
  }

  setEnabled(on: boolean): this {
    this.isEnabled = on;
    this.refresh();
    return this;
  }

  setFocused(on: boolean): void {
    this.focused = on;
    if (on) this.handlers.onFocus?.();
    this.refresh();
  }

  activate(): void {
    if (this.handlers.activate) this.handlers.activate();
    else this.handlers.right?.();
    this.refresh();
  }

  enabled(): boolean {
    return this.isEnabled;
  }

  onKey(key: string): boolean {
    if (key === 'ArrowLeft' && this.handlers.left) this.handlers.left();
    else if (key === 'ArrowRight' && this.handlers.right) this.handlers.right();
    else return false;
    this.refresh();
    return true;
  }

  refresh(): void {
    const arrows = this.handlers.left || this.handlers.right;
    this.text.setText(`${this.focused ? '▸ ' : '  '}${this.caption()}${arrows && this.focused ? '   ◀ ▶' : ''}`);
    this.text.setColor(css(this.isEnabled ? COLOR.text : COLOR.dim));
    this.bg.setFillStyle(this.focused ? 0x2b3b4f : COLOR.panel);
    this.bg.setStrokeStyle(this.focused ? 3 : 1, this.focused ? COLOR.focus : COLOR.line);
  }
}
