import type Phaser from 'phaser';

/** The game's fixed design resolution; Phaser's FIT scaling maps it onto any window. */
export const WIDTH = 1280;
export const HEIGHT = 720;

/**
 * Colours. Every state that has a colour also has a word or a symbol (✓, ✗, ⚠),
 * so nothing is told by colour alone.
 */
export const COLOR = {
  bg: 0x0f1419,
  panel: 0x1a222b,
  panelRaised: 0x232e3a,
  line: 0x3a4756,
  text: 0xe6edf3,
  dim: 0x9aa7b4,
  focus: 0xffd166,
  accent: 0x58a6ff,
  good: 0x3fb950,
  bad: 0xff6b60,
  warn: 0xe3b341,
  paper: 0xf4ecd8,
  ink: 0x2b2118,
} as const;

export const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif';
export const MONO_FAMILY = '"DejaVu Sans Mono", "Liberation Mono", Consolas, monospace';

export type TextSize = 'normal' | 'large' | 'larger';
export const TEXT_SCALE: Record<TextSize, number> = { normal: 1, large: 1.15, larger: 1.3 };

/** Base sizes in px at 1280×720, before the player's text-size setting. */
const SIZES = { xs: 12, s: 14, m: 16, l: 20, xl: 28, xxl: 44 } as const;
export type Size = keyof typeof SIZES;

let scale = 1;

/** Applied once per scene creation; scenes lay out with `fontPx`, so they adapt to it. */
export function setTextScale(size: TextSize): void {
  scale = TEXT_SCALE[size];
}

/**
 * No canvas text is drawn smaller than this (design px). The canvas is scaled to fit the
 * window; at the smallest supported window, 1024×640, it is drawn at 0.8, and 15 × 0.8 = 12
 * CSS px, the least the desk's text may be.
 */
export const MIN_CANVAS_FONT_PX = 15;

export function fontPx(size: Size): number {
  return Math.max(MIN_CANVAS_FONT_PX, Math.round(SIZES[size] * scale));
}

/** Line height for a size, used to lay out rows of text. */
export function lineHeight(size: Size): number {
  return Math.ceil(fontPx(size) * 1.35);
}

export interface TextOptions {
  size?: Size;
  color?: number;
  bold?: boolean;
  mono?: boolean;
  wrap?: number;
  align?: 'left' | 'center' | 'right';
}

export function textStyle(o: TextOptions = {}): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: o.mono ? MONO_FAMILY : FONT_FAMILY,
    fontSize: `${fontPx(o.size ?? 'm')}px`,
    fontStyle: o.bold ? 'bold' : 'normal',
    color: css(o.color ?? COLOR.text),
    align: o.align ?? 'left',
    ...(o.wrap ? { wordWrap: { width: o.wrap, useAdvancedWrap: true } } : {}),
  };
}

/** A text object at (x, y), origin top-left. */
export function addText(scene: Phaser.Scene, x: number, y: number, value: string, o: TextOptions = {}): Phaser.GameObjects.Text {
  return scene.add.text(x, y, value, textStyle(o)).setOrigin(0, 0);
}

/**
 * Shows `value` (in `color`, when given) on a text, touching it only where it differs. Every
 * change re-renders the text's canvas, and in WebGL uploads it again as a texture, even when
 * the new words or colour are the ones already drawn (Phaser's setColor always redraws).
 */
export function showText(t: Phaser.GameObjects.Text, value: string, color?: number): void {
  const fill = color === undefined ? undefined : css(color);
  const recolour = fill !== undefined && t.style.color !== fill;
  if (t.text !== value) {
    // One redraw for both: the colour is set quietly, then the words redraw with it.
    if (recolour) t.style.color = fill;
    t.setText(value);
  } else if (recolour) t.setColor(fill);
}

/**
 * Depth of a screen's own texts: above its panels, buttons and charts (depth 0), below overlays
 * and dialogs (90 and up). In WebGL shapes and texts are drawn by different batches, so a display
 * list that alternates them (a panel, its label, a button, its caption, ...) ends a batch and
 * issues a draw call at every switch; drawing all the shapes, then all the texts, takes a few.
 */
export const TEXT_DEPTH = 1;

/** Puts the scene's texts still at depth 0 on TEXT_DEPTH; call once the screen is built. */
export function textsAboveShapes(scene: Phaser.Scene): void {
  for (const o of scene.children.list) {
    if (o.type === 'Text' && (o as Phaser.GameObjects.Text).depth === 0) (o as Phaser.GameObjects.Text).setDepth(TEXT_DEPTH);
  }
}

/** A flat panel with a hairline border. */
export function addPanel(scene: Phaser.Scene, x: number, y: number, w: number, h: number, fill: number = COLOR.panel): Phaser.GameObjects.Rectangle {
  return scene.add.rectangle(x, y, w, h, fill).setOrigin(0, 0).setStrokeStyle(1, COLOR.line);
}
