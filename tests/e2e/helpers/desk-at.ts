import type { BrowserContext, Page } from 'playwright-core';
import { waitForScene } from './keyboard-player';

export const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;

/**
 * Opens the flagship scenario's desk at a window size and text setting, runs
 * it fast into the surge (45 sim minutes) and selects a post, so the feed is
 * full and the detail shows a real post.
 */
export async function deskMidSurge(context: BrowserContext, url: string, viewport: { width: number; height: number }, textSize: string, mode = 'practice'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${url}?renderer=canvas`);
  await page.evaluate((size) => {
    localStorage.clear();
    localStorage.setItem('surge-drill.settings.v1', JSON.stringify({ volume: 0, muted: true, reducedMotion: true, textSize: size }));
  }, textSize);
  await page.goto(`${url}?renderer=canvas&scenario=facebook-mugging&seed=11&mode=${mode}&speed=20`);
  await waitForScene(page, 'desk');
  await page.waitForFunction(() => window.surgeDrill!.snapshot().run!.state.t >= 45 * 60, null, { polling: 100, timeout: 120_000 });
  for (const k of ['ArrowDown', 'ArrowDown']) await page.keyboard.press(k);
  await page.waitForTimeout(200);
  return page;
}
