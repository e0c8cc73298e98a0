import type Phaser from 'phaser';
import { Button } from './button';
import type { KeyRouter } from './key-router';
import { addText, COLOR, css, lineHeight, textStyle } from './theme';

export interface ChoiceOption {
  id: string;
  label: string;
  detail?: string;
}

export type DialogSection =
  | { kind: 'single'; id: string; title: string; options: ChoiceOption[]; value: string; width?: number }
  | { kind: 'multi'; id: string; title: string; options: ChoiceOption[]; value: string[]; max: number; width?: number };

export type DialogValues = Record<string, string | string[]>;

export interface DialogSpec {
  title: string;
  /** One line under the title: what this does and what it costs. */
  subtitle?: string;
  sections: DialogSection[];
  confirmLabel: string;
  /** Returns a message to keep the dialog open (e.g. the core's rejection), or undefined to close it. */
  onConfirm: (values: DialogValues) => string | undefined;
  onClose?: () => void;
}

const DEPTH = 100;

/**
 * A modal form made of option lists and a text field, laid out as columns.
 * Keys: ↑/↓ (Home/End) within a column, ←/→ or Tab between columns, Space or 1–9 to pick,
 * Enter to confirm, Escape to cancel. Every row is clickable too.
 */
export class ChoiceDialog {
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly rows: { text: Phaser.GameObjects.Text; box: Phaser.GameObjects.Rectangle; section: number; option: number }[] = [];
  private readonly focusRow: number[];
  private section = 0;
  private readonly errorText: Phaser.GameObjects.Text;
  private readonly pop: () => void;
  private closed = false;

  constructor(
    private readonly scene: Phaser.Scene,
    router: KeyRouter,
    private readonly spec: DialogSpec,
  ) {
    const w = 1040;
    const x = (1280 - w) / 2;
    const y = 30;
    const h = 660;
    const add = <T extends Phaser.GameObjects.GameObject>(o: T): T => {
      (o as unknown as Phaser.GameObjects.Components.Depth).setDepth?.(DEPTH);
      this.objects.push(o);
      return o;
    };
    // The veil takes clicks so the desk beneath cannot be used while the dialog is open.
    add(scene.add.rectangle(0, 0, 1280, 720, 0x000000, 0.6).setOrigin(0, 0).setInteractive());
    const panel = add(scene.add.rectangle(x, y, w, h, COLOR.panel).setOrigin(0, 0).setStrokeStyle(2, COLOR.accent));
    add(addText(scene, x + 20, y + 14, spec.title, { size: 'l', bold: true }));
    let top = y + 14 + lineHeight('l') + 4;
    if (spec.subtitle) {
      add(addText(scene, x + 20, top, spec.subtitle, { size: 's', color: COLOR.dim, wrap: w - 40 }));
      top += lineHeight('s') * 2;
    }
    this.focusRow = spec.sections.map((s) => (s.kind === 'single' ? Math.max(0, s.options.findIndex((o) => o.id === s.value)) : 0));

    const gap = 16;
    const fixed = spec.sections.reduce((n, s) => n + (s.width ?? 0), 0);
    const flexible = spec.sections.filter((s) => !s.width).length;
    const flexWidth = flexible ? (w - 40 - fixed - gap * (spec.sections.length - 1)) / flexible : 0;
    let cx = x + 20;
    let contentBottom = top;
    const rowH = lineHeight('m') + 6;
    spec.sections.forEach((s, si) => {
      const cw = s.width ?? flexWidth;
      add(addText(scene, cx, top, `${si + 1}. ${s.title}`, { size: 's', bold: true, color: COLOR.dim }));
      const listTop = top + lineHeight('s') + 6;
      let ry = listTop;
      s.options.forEach((o, oi) => {
        const detail = o.detail ? add(addText(scene, cx + 34, ry + 3 + lineHeight('m'), o.detail, { size: 'xs', color: COLOR.dim, wrap: cw - 42 })) : undefined;
        const height = rowH + (detail ? detail.height : 0);
        const box = add(scene.add.rectangle(cx, ry, cw, height, COLOR.panelRaised).setOrigin(0, 0));
        box.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
          this.focusSection(si);
          this.focusRow[si] = oi;
          this.pick();
        });
        // The box was added after its detail text; keep the text on top.
        if (detail) detail.setDepth(DEPTH + 0.5);
        const text = add(addText(scene, cx + 8, ry + 3, '', { size: 'm', wrap: cw - 16 })).setDepth(DEPTH + 0.5);
        this.rows.push({ text, box, section: si, option: oi });
        ry += height + 2;
        contentBottom = Math.max(contentBottom, ry);
      });
      cx += cw + gap;
    });

    // The panel fits its content, up to the full height.
    const bottom = Math.min(y + h, Math.max(y + 320, contentBottom + 150));
    panel.setSize(w, bottom - y);
    this.errorText = add(addText(scene, x + 20, bottom - 56 - lineHeight('s') * 2, '', { size: 's', bold: true, color: COLOR.bad, wrap: w - 40 }));
    const confirm = new Button(scene, x + w - 380, bottom - 50, 220, 36, spec.confirmLabel, () => this.confirm(), { hotkey: 'Enter' });
    const cancel = new Button(scene, x + w - 150, bottom - 50, 130, 36, 'Cancel', () => this.cancel(), { hotkey: 'Esc' });
    for (const b of [confirm, cancel]) {
      b.setDepth(DEPTH);
      this.objects.push(b.bg, b.label);
    }
    add(addText(scene, x + 20, bottom - 44, '↑↓ choose · ←→/Tab next column · Space or 1–9 pick', { size: 'xs', color: COLOR.dim }));
    this.pop = router.push((key, e) => this.onKey(key, e), true);
    this.focusSection(0);
  }

  values(): DialogValues {
    return Object.fromEntries(this.spec.sections.map((s) => [s.id, Array.isArray(s.value) ? [...s.value] : s.value]));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pop();
    for (const o of this.objects) o.destroy();
    this.spec.onClose?.();
  }

  private cancel(): void {
    this.close();
  }

  private confirm(): void {
    const problem = this.spec.onConfirm(this.values());
    if (problem) this.errorText.setText(`✗ ${problem}`);
    else this.close();
  }

  private focusSection(i: number): void {
    this.section = i;
    this.redraw();
  }

  private onKey(key: string, e: KeyboardEvent): boolean {
    const s = this.spec.sections[this.section]!;
    if (key === 'Escape') {
      this.cancel();
      return true;
    }
    if (key === 'Enter') {
      this.confirm();
      return true;
    }
    if (key === 'Tab') {
      this.focusSection((this.section + (e.shiftKey ? -1 : 1) + this.spec.sections.length) % this.spec.sections.length);
      return true;
    }
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const n = this.spec.sections.length;
        this.focusSection((this.section + (key === 'ArrowLeft' ? -1 : 1) + n) % n);
        return true;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        const n = s.options.length;
        this.focusRow[this.section] = (this.focusRow[this.section]! + (key === 'ArrowUp' ? -1 : 1) + n) % n;
        if (s.kind === 'single') this.pick();
        else this.redraw();
        return true;
      }
      case 'Home':
      case 'End':
        this.focusRow[this.section] = key === 'Home' ? 0 : s.options.length - 1;
        if (s.kind === 'single') this.pick();
        else this.redraw();
        return true;
      case ' ':
        this.pick();
        return true;
      default:
        if (/^[1-9]$/.test(key) && Number(key) <= s.options.length) {
          this.focusRow[this.section] = Number(key) - 1;
          this.pick();
          return true;
        }
        return true; // a modal dialog swallows every other key
    }
  }

  /** Selects (single) or toggles (multi) the focused option of the current column. */
  private pick(): void {
    const s = this.spec.sections[this.section]!;
    const option = s.options[this.focusRow[this.section]!]!;
    if (s.kind === 'single') s.value = option.id;
    else {
      const at = s.value.indexOf(option.id);
      if (at >= 0) s.value.splice(at, 1);
      else if (s.value.length < s.max) s.value.push(option.id);
    }
    this.errorText.setText('');
    this.redraw();
  }

  private redraw(): void {
    for (const row of this.rows) {
      const s = this.spec.sections[row.section]!;
      const focused = row.section === this.section && this.focusRow[row.section] === row.option;
      row.box.setStrokeStyle(focused ? 3 : 1, focused ? COLOR.focus : COLOR.line);
      const o = s.options[row.option]!;
      let mark: string;
      if (s.kind === 'single') mark = s.value === o.id ? '◉' : '○';
      else {
        const order = s.value.indexOf(o.id);
        mark = order >= 0 ? `☑${order + 1}` : '☐ ';
      }
      const digit = row.option < 9 ? `${row.option + 1} ` : '   ';
      row.text.setText(`${digit}${mark} ${o.label}`);
      const chosen = s.kind === 'single' ? s.value === o.id : s.value.includes(o.id);
      row.text.setStyle({ ...textStyle({ size: 'm', wrap: row.box.width - 16 }), color: css(chosen ? COLOR.text : COLOR.dim) });
      row.box.setFillStyle(chosen ? 0x2b3b4f : COLOR.panelRaised);
    }
  }
}
