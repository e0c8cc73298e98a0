/**
 * Regenerates the README's screenshots: `npx tsx docs/screenshots.ts` (about three minutes).
 * Builds the game, plays the flagship scenario by keyboard in headless Chromium at 10× the
 * normal pace, and saves the desk mid-surge and the debrief at the end of the shift; then the
 * desk mid-surge at the three window sizes the layout test checks, each with a text setting,
 * and the composer open over it at the same sizes. `--sizes-only` takes only those (about two minutes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/helpers/browser';
import { buildAndServe } from '../tests/e2e/helpers/game-server';
import { deskMidSurge } from '../tests/e2e/helpers/desk-at';
import { playByKeyboard, snapshot, waitForScene } from '../tests/e2e/helpers/keyboard-player';

const sizesOnly = process.argv.includes('--sizes-only');
const served = await buildAndServe();
const browser = await launchBrowser();
try {
  if (!sizesOnly) await shiftAndDebrief();
  const sizes = [
    [{ width: 1024, height: 640 }, 'larger'],
    [{ width: 1280, height: 720 }, 'normal'],
    [{ width: 1920, height: 1080 }, 'large'],
  ] as const;
  await composerShots(sizes);
  for (const [viewport, size] of sizes) {
    const desk = await deskMidSurge(browser.context, served.url, viewport, size);
    writeFileSync(join(import.meta.dirname, `screenshot-desk-${viewport.width}-${size}.png`), await desk.screenshot());
    await desk.close();
  }
} finally {
  await browser.close();
  await served.close();
}

/** The desk mid-surge after a late start, and the debrief at the end of that shift. */
async function shiftAndDebrief(): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`${served.url}?renderer=canvas&scenario=facebook-mugging&seed=11&mode=practice&speed=10`);
  await waitForScene(page, 'desk');
  // A trainee who looks up late: nobody answers for the first 40 minutes, so the surge takes
  // hold; then the desk works it, and at 10:30 the screenshot shows the live feed mid-surge.
  await page.waitForFunction(() => window.surgeDrill!.snapshot().run!.state.t >= 40 * 60, null, { polling: 100, timeout: 600_000 });
  await playByKeyboard(page, 600_000, (snap) => snap.run!.state.t >= 60 * 60);
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  writeFileSync(join(import.meta.dirname, 'screenshot-desk.png'), await page.screenshot());
  await playByKeyboard(page, 600_000);
  await waitForScene(page, 'debrief');
  await page.waitForTimeout(300);
  writeFileSync(join(import.meta.dirname, 'screenshot-debrief.png'), await page.screenshot());
  console.log(`saved; final score ${(await snapshot(page)).run!.outcome.score}`);
  await page.close();
}

/** The composer open on the selected post, a reply half written with a quick insert, at three sizes. */
async function composerShots(sizes: readonly (readonly [{ width: number; height: number }, 'normal' | 'large' | 'larger'])[]): Promise<void> {
  for (const [viewport, size] of sizes) {
    const desk = await deskMidSurge(browser.context, served.url, viewport, size);
    await desk.keyboard.press('r');
    await desk.waitForSelector('#composer[open]');
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Enter');
    await desk.keyboard.type(' I have asked our refunds team to put it right today and I will update you here by 6pm. ^Jo');
    writeFileSync(join(import.meta.dirname, `screenshot-composer-${viewport.width}-${size}.png`), await desk.screenshot());
    await desk.close();
  }
}
