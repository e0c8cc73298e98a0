import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../../../server/app';
import type { NetSceneKey } from '../../../src/game/scenes/net-base.scene';
import { waitForScene } from './keyboard-player';

const root = join(import.meta.dirname, '..', '..', '..');

export interface GameWithApi {
  /** The server's address, no trailing slash; the game is at `${url}/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the game (the real index.html) into a temporary folder and serves it with
 * the real server on a fresh SQLite database, the way `npm start` serves both.
 */
export async function buildAndServeWithApi(options: { authorKey?: string } = {}): Promise<GameWithApi> {
  const outDir = mkdtempSync(join(tmpdir(), 'surge-drill-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'surge-drill-db-'));
  const cleanup = () => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const app = await buildApp({
      databaseUrl: `sqlite:${join(dataDir, 'e2e.db')}`,
      scenarios: join(root, 'scenarios'),
      distDir: outDir,
      verifyWorkers: 1,
      rateLimitPerMinute: 100_000,
      logLevel: 'silent',
      ...(options.authorKey ? { authorKey: options.authorKey } : {}),
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      async close() {
        await app.close();
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}

/** The menu's rows in order: one per scenario (no saved run in a fresh profile), then Online. */
export async function openMenuRow(page: Page, row: { scenarioId: string } | 'online'): Promise<void> {
  await waitForScene(page, 'menu');
  const ids = await page.evaluate(() => window.surgeDrill!.scenarios().map((s) => s.id));
  const index = row === 'online' ? ids.length : ids.indexOf(row.scenarioId);
  if (index < 0) throw new Error(`no menu row for ${JSON.stringify(row)} in ${ids.join(', ')}`);
  await page.locator('#game').focus();
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}

/** Opens an Online place from the menu by keyboard: the Online row, → to the place, Enter. */
export async function openOnline(page: Page, place: NetSceneKey): Promise<void> {
  // The row's order in menu.scene.ts.
  const order: NetSceneKey[] = ['leaderboard', 'drill-join', 'drill-trainer'];
  await openMenuRow(page, 'online');
  for (let i = 0; i < order.indexOf(place); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await waitForScene(page, place);
}
