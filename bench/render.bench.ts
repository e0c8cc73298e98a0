/**
 * Desk frame time, bundle size and time to the first playable frame, in headless Chromium.
 * Run: npx tsx bench/render.bench.ts   (about three minutes)
 *
 * Frame time: a long surge (bakery-meltdown with a crowd big enough to reach 3,000 posts,
 * nobody at the desk; see BENCH_SCENARIO) is fast-forwarded until 200, 1,000 and 3,000
 * posts are in the history, slowed to the normal
 * pace with the − key, a post selected, and frames are timed for a few seconds with the
 * frame-rate limit off (so an interval is what a frame costs, not the display's refresh).
 * Each is compared, in the same browser run, with a bare Phaser scene drawing the same
 * number of visible texts, rectangles and graphics, under a still copy of the desk's DOM
 * reading layer as it stood (same markup, same styles): the bare page pays for drawing the
 * same canvas and the same DOM, so what the desk costs above it is its own work (the sim,
 * the views, the DOM updates). Both renderers: Canvas and WebGL (software, SwiftShader,
 * in this headless Chromium).
 * Targets: p95 at 3,000 posts ≤ 1.2 × p95 at 200; desk p95 ≤ 1.3 × bare p95;
 * the app's start-up JavaScript within its budget (build-plugins/bundle-budget.plugin.ts).
 * Robust on a busy machine: the clock is stopped while the desk is slowed to the normal
 * pace, and a seed whose shift would end during the measurement is swapped for the next.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { APP_BUDGET_GZIP_BYTES, kb as kbOf } from '../build-plugins/bundle-budget.plugin';
import { parseDocument } from 'yaml';
import { loadScenario } from '../src/core/index';
import { STUDIO_DRAFT_KEY } from '../src/game/run/studio-draft';
import { launchBrowser } from '../tests/e2e/helpers/browser';
import { buildAndServe } from '../tests/e2e/helpers/game-server';
import { snapshot, waitForScene } from '../tests/e2e/helpers/keyboard-player';

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** The desk's DOM reading layer as it stood, and the page's styles, for the bare page to show still. */
interface ReadingCopy {
  styles: string[];
  html: string;
  elements: number;
}

/** Source text, as in frameTimes: what the bare page needs to draw the same DOM the desk drew. */
const COPY_READING_LAYER = `(() => {
  const root = document.getElementById('reading');
  return { styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''), html: root ? root.outerHTML : '', elements: root ? root.querySelectorAll('*').length + 1 : 0 };
})()`;

/** Puts the copy into the bare page, inside a main landmark beside the canvas as in the game. */
async function showStill(page: Page, copy: ReadingCopy): Promise<void> {
  await page.evaluate((c) => {
    for (const css of c.styles) document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
    const main = document.createElement('main');
    main.innerHTML = c.html;
    document.body.append(main);
  }, copy);
}

const SIZES = [200, 1000, 3000];
const RENDERERS = (process.env.RENDERERS?.split(',') ?? ['canvas', 'webgl']) as ('canvas' | 'webgl')[];
/** Real milliseconds of frames per measurement; software WebGL draws ~10 frames a second, so it gets longer. */
const MEASURE_MS = { canvas: 4000, webgl: 10_000 };
/** The shipped scenario the bench's surge is made from, and where the first playable frame is timed. */
const SCENARIO = 'bakery-meltdown';
/**
 * The shipped surges fade by themselves once their finite crowd is drawn in (about 800 posts for
 * bakery-meltdown), so the desk is measured on the same scenario with a crowd that still has people
 * to draw in at 3,000 posts: more followers, a longer shift at the same pace, the same ceiling
 * (10 posts a minute), so posts arrive at the pace the shipped scenario's surge peaks at.
 */
const BENCH_SCENARIO = { id: 'render-bench', followers: 40_000, simMinutes: 600, realMinutes: 75 };

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { frames: s.length, median: at(0.5), p95: at(0.95) };
};

/** Two windows measured back to back; the quieter one counts (the machine is shared, so noise only adds). */
const bestOf = (a: number[], b: number[]) => {
  const [x, y] = [stats(a), stats(b)];
  return x.p95 <= y.p95 ? x : y;
};

/**
 * Frame intervals from requestAnimationFrame over `ms`, after half a second of settling.
 * Passed as source text: tsx would wrap a serialised function in helpers the page lacks.
 */
async function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = 0;
    let end = 0;
    const tick = (t) => {
      if (last === 0) { last = t; end = t + ${ms}; }
      else { out.push(t - last); last = t; }
      if (t < end) requestAnimationFrame(tick); else resolve(out);
    };
    setTimeout(() => requestAnimationFrame(tick), 500);
  })`);
}

/** The bench scenario's YAML: given to the game as a studio draft ("play this draft"), so no file is added to the build. */
const BENCH_YAML = (() => {
  const doc = parseDocument(readFileSync(join(import.meta.dirname, '..', 'scenarios', `${SCENARIO}.yaml`), 'utf8'));
  doc.setIn(['id'], BENCH_SCENARIO.id);
  doc.setIn(['instigator', 'followers'], BENCH_SCENARIO.followers);
  doc.setIn(['duration', 'simMinutes'], BENCH_SCENARIO.simMinutes);
  doc.setIn(['duration', 'realMinutes'], BENCH_SCENARIO.realMinutes);
  return String(doc);
})();

/** Sim seconds per real second at 1× for the bench's scenario. */
const NORMAL_PACE = (() => {
  const loaded = loadScenario(BENCH_YAML, `${BENCH_SCENARIO.id} (bench)`);
  if (!loaded.ok) throw new Error(`the bench scenario does not load: ${loaded.problems[0]?.message}`);
  return loaded.scenario.duration.simMinutes / loaded.scenario.duration.realMinutes;
})();
/** Posts before the mark where the approach slows to 8×. */
const SLOW_APPROACH_POSTS = 1000;
/** Seeds tried in turn when a shift would end before a measurement is done (the surge differs by seed). */
const SEEDS = [1, 2, 3, 4, 5];
/** Real seconds one measurement takes: two windows, each after half a second of settling, and slack for a busy machine. */
const measureSeconds = (renderer: 'canvas' | 'webgl') => (2 * (MEASURE_MS[renderer] + 500)) / 1000 + 5;

/**
 * Plays the bench scenario at high speed until `size` posts are in the history, then stops
 * the clock (P) before slowing to the normal pace in the pause menu, so no sim time
 * passes however slowly a busy machine handles the keys; resumes with a post
 * selected. Returns undefined when the shift has too little time left for the
 * measurement at the normal pace.
 */
async function approach(page: Page, size: number, seed: number, renderer: 'canvas' | 'webgl'): Promise<Snapshot | undefined> {
  await page.addInitScript(([key, yaml]) => sessionStorage.setItem(key, yaml), [STUDIO_DRAFT_KEY, BENCH_YAML] as const);
  await page.goto(`${served.url}?renderer=${renderer}&draft=1&scenario=${BENCH_SCENARIO.id}&seed=${seed}&mode=practice&speed=200`);
  await waitForScene(page, 'desk');
  // 200× to well before the mark, 8× onto it (at 200× a busy machine overshoots by minutes). Phaser handles queued keys on its next frame, which in
  // software WebGL can take a while: wait for each.
  const postsAtLeast = (n: number) =>
    page.waitForFunction((k) => (window.surgeDrill!.snapshot().run?.state.posts.length ?? 0) >= k || window.surgeDrill!.snapshot().run?.over === true, n, { polling: 20, timeout: 120_000 });
  /** Presses `key` until the pace is `target`, one press at a time, again if a press went unseen. */
  const speedTo = async (target: number, key: string) => {
    for (let tries = 0; tries < 40; tries++) {
      const speed = (await snapshot(page)).run!.speed;
      if (speed === target) return;
      await page.keyboard.press(key);
      await page.waitForFunction((k) => window.surgeDrill!.snapshot().run?.speed !== k, speed, { polling: 20, timeout: 2000 }).catch(() => undefined);
    }
    const snap = await snapshot(page);
    throw new Error(`could not set the desk to ${target}×: scene ${snap.scene}, speed ${snap.run?.speed}, status "${snap.desk?.status}"`);
  };
  const over = async () => (await snapshot(page)).run?.over !== false;
  await postsAtLeast(size - SLOW_APPROACH_POSTS);
  if (await over()) return undefined;
  await speedTo(8, '-');
  await postsAtLeast(size);
  if (await over()) return undefined;
  await page.keyboard.press('p');
  // The shift may end between the check and the key; then this seed is done.
  await page.waitForFunction(() => ['pause', 'debrief'].includes(window.surgeDrill!.scene()), null, { polling: 50, timeout: 60_000 });
  if ((await snapshot(page)).scene !== 'pause') return undefined;
  await page.keyboard.press('ArrowDown'); // the Speed row
  await speedTo(1, 'ArrowLeft');
  const paused = await snapshot(page);
  if (paused.run!.over || paused.run!.state.endT - paused.run!.state.t < measureSeconds(renderer) * NORMAL_PACE) return undefined;
  await page.keyboard.press('p');
  await waitForScene(page, 'desk');
  await page.keyboard.press('ArrowDown');
  return snapshot(page);
}

/** The desk's frame times at `size` posts, on the first seed whose shift lasts through the measurement. */
async function measureDesk(renderer: 'canvas' | 'webgl', size: number): Promise<{ page: Page; snap: Snapshot; desk: ReturnType<typeof stats>; reading: ReadingCopy }> {
  for (const seed of SEEDS) {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
    const snap = await approach(page, size, seed, renderer);
    if (snap) {
      const desk = bestOf(await frameTimes(page, MEASURE_MS[renderer]), await frameTimes(page, MEASURE_MS[renderer]));
      // Checked, not assumed: the pre-check above leaves time, but a stalled machine could still run out.
      if ((await snapshot(page)).scene === 'desk') return { page, snap, desk, reading: (await page.evaluate(COPY_READING_LAYER)) as ReadingCopy };
    }
    console.error(`${renderer} ${size}: seed ${seed} left too little of the shift for the measurement; trying the next seed`);
    await page.close();
  }
  throw new Error(`no seed of ${SEEDS.join(', ')} reaches ${size} posts with ${MEASURE_MS[renderer] * 2} ms of the shift left`);
}

const root = join(import.meta.dirname, '..');
const served = await buildAndServe();
// The bare baseline is built beside the game so one server serves both.
await build({ root: join(root, 'bench', 'render-bare'), configFile: false, base: './', logLevel: 'error', build: { outDir: join(served.outDir, 'bare'), emptyOutDir: true } });

const CHROMIUM_FLAGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--enable-unsafe-swiftshader'];
let browser = await launchBrowser(CHROMIUM_FLAGS);
const rows: string[] = [];
const results: Record<string, Record<number, { desk: ReturnType<typeof stats>; bare: ReturnType<typeof stats>; posts: number }>> = {};
try {
  for (const renderer of RENDERERS) {
    // A fresh browser per renderer: software WebGL after Canvas pages in one browser was erratic.
    await browser.close();
    browser = await launchBrowser(CHROMIUM_FLAGS);
    results[renderer] = {};
    for (const size of SIZES) {
      const { page, snap, desk, reading } = await measureDesk(renderer, size);
      const objects = snap.desk!.objects;
      const posts = snap.run!.state.posts.length;
      await page.close();

      const bare = await browser.context.newPage();
      const q = new URLSearchParams({ renderer, ...Object.fromEntries(Object.entries(objects).map(([k, v]) => [k, String(v)])) });
      await bare.goto(`${served.url}bare/?${q}`);
      await bare.waitForFunction(() => (window as unknown as { bareReady?: boolean }).bareReady === true, null, { timeout: 30_000 });
      await showStill(bare, reading);
      const baseline = bestOf(await frameTimes(bare, MEASURE_MS[renderer]), await frameTimes(bare, MEASURE_MS[renderer]));
      await bare.close();
      results[renderer]![size] = { desk, bare: baseline, posts };
      rows.push(
        `| ${renderer} | ${size} (${posts}) | ${desk.median.toFixed(1)} | ${desk.p95.toFixed(1)} | ${baseline.median.toFixed(1)} | ${baseline.p95.toFixed(1)} | ${(desk.p95 / baseline.p95).toFixed(2)} | ${Object.entries(objects).map(([k, v]) => `${v} ${k}`).join(', ')}; ${reading.elements} DOM elements |`,
      );
      console.log(rows[rows.length - 1]);
    }
  }

  // Time to the first playable frame: navigation start to the desk's first frame with the clock running.
  const firstFrame: Record<string, number[]> = {};
  for (const renderer of RENDERERS) {
    firstFrame[renderer] = [];
    for (let i = 0; i < 4; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${served.url}?renderer=${renderer}&scenario=${SCENARIO}&seed=${i + 2}&mode=practice`);
      await waitForScene(page, 'desk');
      await page.waitForFunction(() => window.surgeDrill!.timings().deskFirstFrameMs !== undefined, null, { polling: 10 });
      firstFrame[renderer]!.push((await page.evaluate(() => window.surgeDrill!.timings().deskFirstFrameMs))!);
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
  }

  const assets = join(served.outDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
  const phaser = js.filter((f) => f.startsWith('phaser-'));
  const rest = js.filter((f) => !f.startsWith('phaser-'));
  const kb = kbOf;
  const sum = (fs: string[], size: (f: string) => number) => fs.reduce((n, f) => n + size(f), 0);
  const raw = (f: string) => statSync(join(assets, f)).size;

  console.log('\n| renderer | posts in history (actual) | desk median ms | desk p95 ms | bare median ms | bare p95 ms | desk/bare p95 | drawn (canvas objects; reading-layer elements) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  for (const renderer of RENDERERS) {
    const growth = results[renderer]![3000]!.desk.p95 / results[renderer]![200]!.desk.p95;
    console.log(`${renderer}: p95 at 3,000 posts / p95 at 200 = ${growth.toFixed(2)} (target ≤ 1.2)`);
  }
  console.log(`\nJS bundle: Phaser ${kb(sum(phaser, raw))} (${kb(sum(phaser, gz))} gzip); everything else ${kb(sum(rest, raw))} (${kb(sum(rest, gz))} gzip; the build checks the start-up part against ${kb(APP_BUDGET_GZIP_BYTES)})`);
  for (const renderer of RENDERERS) {
    const xs = firstFrame[renderer]!;
    console.log(`first playable frame, ${renderer}: cold ${xs[0]} ms, warm median ${stats(xs.slice(1)).median} ms (navigation start → desk frame with the clock running)`);
  }
} finally {
  await browser.close();
  await served.close();
}
