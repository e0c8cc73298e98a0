import type { Page } from 'playwright-core';

/** A visible piece of text on screen, in CSS pixels, and the panel it belongs to. */
export interface TextBox {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The panel it must stay inside ('screen' for canvas text). */
  panel: string;
  /** Rendered font size in CSS px (DOM text, and canvas text scaled to the canvas's size on the page). */
  fontPx?: number;
}

export interface Panel {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutReport {
  boxes: number;
  overlaps: string[];
  outside: string[];
  tooSmall: string[];
  minFontPx: number;
}

/** Overlaps smaller than this (CSS px) are anti-aliasing and rounding, not a collision. */
const SLACK = 1;

const intersect = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > SLACK && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > SLACK;

const short = (t: string) => JSON.stringify(t.length > 40 ? `${t.slice(0, 39)}…` : t);

/**
 * The layout rules: no two text boxes intersect, none leaves its panel, canvas
 * text is not covered by a DOM panel, and no text, DOM or canvas, is under `minPx`.
 */
export function checkLayout(boxes: TextBox[], panels: Panel[], minPx = 12): LayoutReport {
  const overlaps: string[] = [];
  const outside: string[] = [];
  const tooSmall: string[] = [];
  const byName = new Map(panels.map((p) => [p.name, p]));
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j++) if (intersect(a, boxes[j]!)) overlaps.push(`${short(a.text)} × ${short(boxes[j]!.text)}`);
    const p = byName.get(a.panel);
    if (p && (a.x < p.x - SLACK || a.y < p.y - SLACK || a.x + a.w > p.x + p.w + SLACK || a.y + a.h > p.y + p.h + SLACK)) outside.push(`${short(a.text)} leaves ${a.panel}`);
    if (a.panel === 'screen') for (const dom of panels) if (dom.name !== 'screen' && intersect(a, dom)) overlaps.push(`${short(a.text)} under DOM ${dom.name}`);
    if (a.fontPx !== undefined && a.fontPx < minPx) tooSmall.push(`${short(a.text)} at ${a.fontPx}px`);
  }
  const sizes = boxes.flatMap((b) => (b.fontPx === undefined ? [] : [b.fontPx]));
  return { boxes: boxes.length, overlaps, outside, tooSmall, minFontPx: sizes.length ? Math.min(...sizes) : Number.NaN };
}

/**
 * Every visible text box of the desk: the reading layer's line boxes (clipped
 * by their scroll areas; scrolled-away text is not visible) and the canvas's
 * text objects mapped from design to CSS pixels.
 */
export async function deskTextBoxes(page: Page): Promise<{ boxes: TextBox[]; panels: Panel[] }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('#game canvas')!.getBoundingClientRect();
    const panels = [{ name: 'screen', x: canvas.left, y: canvas.top, w: canvas.width, h: canvas.height }];
    const boxes: { text: string; x: number; y: number; w: number; h: number; panel: string; fontPx?: number }[] = [];
    const root = document.getElementById('reading');
    if (root && !root.hidden) {
      root.querySelectorAll<HTMLElement>('.rl-panel').forEach((panel, pi) => {
        const pr = panel.getBoundingClientRect();
        const name = `${panel.getAttribute('aria-label') ?? 'panel'} ${pi}`;
        panels.push({ name, x: pr.left, y: pr.top, w: pr.width, h: pr.height });
        const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement!;
          if (!n.textContent?.trim() || parent.closest('svg')) continue;
          // The nearest scrolling ancestor inside the panel clips what is visible.
          let clip = pr;
          for (let a: HTMLElement | null = parent; a && a !== panel; a = a.parentElement) {
            const oy = getComputedStyle(a).overflowY;
            if (oy === 'auto' || oy === 'scroll') {
              clip = a.getBoundingClientRect();
              break;
            }
          }
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of Array.from(range.getClientRects())) {
            const x1 = Math.max(r.left, clip.left);
            const y1 = Math.max(r.top, clip.top);
            const x2 = Math.min(r.right, clip.right);
            const y2 = Math.min(r.bottom, clip.bottom);
            if (x2 - x1 <= 1 || y2 - y1 <= 1) continue;
            boxes.push({ text: n.textContent, x: x1, y: y1, w: x2 - x1, h: y2 - y1, panel: name, fontPx: parseFloat(getComputedStyle(parent).fontSize) });
          }
        }
      });
    }
    const desk = window.surgeDrill!.snapshot().desk;
    const sx = canvas.width / 1280;
    const sy = canvas.height / 720;
    for (const t of desk?.canvasTexts ?? []) boxes.push({ text: t.text, x: canvas.left + t.x * sx, y: canvas.top + t.y * sy, w: t.w * sx, h: t.h * sy, panel: 'screen', fontPx: Math.round(t.px * sy * 10) / 10 });
    return { boxes, panels };
  });
}

/**
 * Every visible text box of the open composer, by pane (its header, the post beside
 * the text box, the form), with the text box itself as one box of the form: the
 * layout rules then say the post is never covered and nothing spills out of its pane.
 * `besideText` is how much of the answered post's own words is visible.
 */
export async function composerTextBoxes(page: Page): Promise<{ boxes: TextBox[]; panels: Panel[]; besideVisible: boolean; insideCanvas: boolean }> {
  return page.evaluate(() => {
    const dialog = document.getElementById('composer')!;
    const panels: { name: string; x: number; y: number; w: number; h: number }[] = [];
    const boxes: { text: string; x: number; y: number; w: number; h: number; panel: string; fontPx?: number }[] = [];
    const panes: [string, Element][] = [
      ['header', dialog.querySelector('.cz-head')!],
      ['beside', dialog.querySelector('.cz-beside')!],
      ['form', dialog.querySelector('.cz-form')!],
    ];
    for (const [name, pane] of panes) {
      const pr = pane.getBoundingClientRect();
      panels.push({ name, x: pr.left, y: pr.top, w: pr.width, h: pr.height });
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement!;
        if (!n.textContent?.trim() || parent.closest('svg')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) {
          // The pane scrolls: what is scrolled away is not visible, not a collision.
          const x1 = Math.max(r.left, pr.left);
          const y1 = Math.max(r.top, pr.top);
          const x2 = Math.min(r.right, pr.right);
          const y2 = Math.min(r.bottom, pr.bottom);
          if (x2 - x1 <= 1 || y2 - y1 <= 1) continue;
          boxes.push({ text: n.textContent, x: x1, y: y1, w: x2 - x1, h: y2 - y1, panel: name, fontPx: parseFloat(getComputedStyle(parent).fontSize) });
        }
      }
    }
    const t = dialog.querySelector('textarea')!.getBoundingClientRect();
    boxes.push({ text: '[the text box]', x: t.left, y: t.top, w: t.width, h: t.height, panel: 'form', fontPx: parseFloat(getComputedStyle(dialog.querySelector('textarea')!).fontSize) });
    const quote = dialog.querySelector('.cz-beside blockquote')!.getBoundingClientRect();
    const beside = dialog.querySelector('.cz-beside')!.getBoundingClientRect();
    const canvas = document.querySelector('#game canvas')!.getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    return {
      boxes,
      panels,
      // The answered post's words start in sight when the composer opens.
      besideVisible: quote.top >= beside.top - 1 && quote.top + 16 <= beside.bottom && quote.height > 0,
      insideCanvas: box.left >= canvas.left - 1 && box.top >= canvas.top - 1 && box.right <= canvas.right + 1 && box.bottom <= canvas.bottom + 1,
    };
  });
}
