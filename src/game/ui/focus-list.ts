/** Something the keyboard can land on: a button, a list entry, a setting. */
export interface Focusable {
  setFocused(on: boolean): void;
  activate(): void;
  enabled(): boolean;
  /** Keys the item itself understands (a setting takes ←/→), tried before list navigation. */
  onKey?(key: string): boolean;
}

export type Axis = 'vertical' | 'horizontal';

/**
 * Keyboard focus over a list of items: arrows along the axis, Tab / Shift+Tab,
 * Home / End, Enter or Space to activate. Disabled items are skipped.
 */
export class FocusList {
  private readonly items: Focusable[];
  private index = -1;

  constructor(
    items: Focusable[],
    private readonly axis: Axis = 'vertical',
    private readonly onMove?: (item: Focusable, index: number) => void,
  ) {
    this.items = items;
    this.focusAt(this.firstEnabled(0, 1));
  }

  current(): Focusable | undefined {
    return this.items[this.index];
  }

  currentIndex(): number {
    return this.index;
  }

  focusAt(i: number): void {
    if (i < 0 || i >= this.items.length) return;
    this.current()?.setFocused(false);
    this.index = i;
    this.items[i]!.setFocused(true);
    this.onMove?.(this.items[i]!, i);
  }

  focus(item: Focusable): void {
    this.focusAt(this.items.indexOf(item));
  }

  /** Moves by `delta` enabled items, wrapping around. */
  move(delta: 1 | -1): void {
    const n = this.items.length;
    if (n === 0) return;
    let i = this.index;
    for (let tries = 0; tries < n; tries++) {
      i = (i + delta + n) % n;
      if (this.items[i]!.enabled()) {
        this.focusAt(i);
        return;
      }
    }
  }

  handle(key: string, shift: boolean): boolean {
    const item = this.current();
    if (item?.onKey?.(key)) return true;
    const [back, forward] = this.axis === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
    switch (key) {
      case back:
        this.move(-1);
        return true;
      case forward:
        this.move(1);
        return true;
      case 'Tab':
        this.move(shift ? -1 : 1);
        return true;
      case 'Home':
        this.focusAt(this.firstEnabled(0, 1));
        return true;
      case 'End':
        this.focusAt(this.firstEnabled(this.items.length - 1, -1));
        return true;
      case 'Enter':
      case ' ':
        if (item?.enabled()) item.activate();
        return true;
      default:
        return false;
    }
  }

  private firstEnabled(from: number, step: 1 | -1): number {
    for (let i = from; i >= 0 && i < this.items.length; i += step) if (this.items[i]!.enabled()) return i;
    return -1;
  }
}
