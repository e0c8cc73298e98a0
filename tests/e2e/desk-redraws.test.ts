import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './helpers/browser';
import { buildAndServe, type ServedGame } from './helpers/game-server';
import { waitForScene } from './helpers/keyboard-player';

/**
 * What the desk redraws between sim minutes, counted (never timed). A canvas text's redraw
 * paints its own canvas again and, in WebGL, uploads it as a texture; the HUD's words change
 * once a sim minute, so the sim steps in between should redraw only texts whose words changed.
 */
describe('the desk between sim minutes in Chromium', () => {
  let served: ServedGame;
  let browser: Browser;

  beforeAll(async () => {
    served = await buildAndServe();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('redraws no canvas text whose words stay the same over three sim steps', async () => {
    const page = await browser.context.newPage();
    // Every text canvas that paints words from here on (the game's own canvas draws texts as images).
    await page.addInitScript(() => {
      const painted = new Set<HTMLCanvasElement | OffscreenCanvas>();
      Object.assign(window, { paintedTexts: painted });
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof fill>) {
        painted.add(this.canvas);
        return fill.apply(this, args);
      };
    });
    await page.goto(`${served.url}?renderer=canvas&scenario=bakery-meltdown&seed=3&mode=practice&speed=2`);
    await waitForScene(page, 'desk');
    // In the page, frame by frame: wait for a new sim minute (its redraw is allowed), then count the
    // texts painted over the next three steps of the same minute and the words that changed.
    // Source text: tsx would wrap a serialised function in helpers the page lacks.
    const result = (await page.evaluate(`new Promise((resolve, reject) => {
      const painted = window.paintedTexts;
      const state = () => window.surgeDrill.snapshot().run.state;
      const words = () => window.surgeDrill.snapshot().desk.canvasTexts.map((t) => t.text);
      let phase = 'minute';
      let minute = -1;
      let t0 = 0;
      let before = [];
      const giveUp = performance.now() + 60000;
      const tick = () => {
        if (performance.now() > giveUp) return reject(new Error('no three quiet sim steps within a minute of real time'));
        const s = state();
        if (phase === 'minute') {
          if (minute < 0) minute = s.history.length;
          else if (s.history.length !== minute) phase = 'settle';
        } else if (phase === 'settle') {
          // A frame later, so the new minute's redraw is behind us.
          painted.clear();
          before = words();
          t0 = s.t;
          minute = s.history.length;
          phase = 'count';
        } else if (s.history.length !== minute) {
          // The minute turned before three steps passed (a slow frame): wait for the next.
          phase = 'minute';
          minute = -1;
        } else if (s.t >= t0 + 3 * s.stepSeconds) {
          const after = words();
          return resolve({ painted: painted.size, changed: after.filter((w) => !before.includes(w)), steps: (s.t - t0) / s.stepSeconds, texts: after.length });
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })`)) as { painted: number; changed: string[]; steps: number; texts: number };
    console.log(`${result.steps} sim steps: ${result.painted} of ${result.texts} canvas texts painted, words changed: ${JSON.stringify(result.changed)}`);
    expect(result.steps).toBeGreaterThanOrEqual(3);
    expect(result.painted).toBeLessThanOrEqual(result.changed.length);
    await page.close();
  }, 180_000);

  it('draws a WebGL frame of the desk in a handful of draw calls', async () => {
    // Software WebGL, as in the render bench.
    const gl = await launchBrowser(['--enable-unsafe-swiftshader']);
    try {
      const page = await gl.context.newPage();
      await page.addInitScript(() => {
        const counts = { draws: 0, frames: 0 };
        Object.assign(window, { drawCounts: counts });
        for (const P of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
          for (const name of ['drawArrays', 'drawElements'] as const) {
            const f = P[name] as (...a: unknown[]) => void;
            (P as unknown as Record<string, unknown>)[name] = function (this: unknown, ...a: unknown[]) {
              counts.draws++;
              return f.apply(this, a);
            };
          }
        }
        const frame = () => {
          counts.frames++;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.goto(`${served.url}?renderer=webgl&scenario=bakery-meltdown&seed=3&mode=practice&speed=2`);
      await waitForScene(page, 'desk');
      await page.waitForFunction(() => window.surgeDrill!.snapshot().run!.state.history.length >= 1, null, { polling: 100, timeout: 60_000 });
      const read = () => page.evaluate(() => ({ ...(window as unknown as { drawCounts: { draws: number; frames: number } }).drawCounts }));
      const a = await read();
      await page.waitForFunction((f) => (window as unknown as { drawCounts: { frames: number } }).drawCounts.frames >= f + 30, a.frames, { polling: 100, timeout: 60_000 });
      const b = await read();
      const perFrame = (b.draws - a.draws) / (b.frames - a.frames);
      console.log(`${b.frames - a.frames} frames, ${perFrame.toFixed(1)} draw calls a frame`);
      // Shapes in one batch, texts in the next (ui/theme.ts textsAboveShapes); interleaved, the desk took 47.
      expect(perFrame).toBeLessThanOrEqual(8);
      await page.close();
    } finally {
      await gl.close();
    }
  }, 180_000);
});
