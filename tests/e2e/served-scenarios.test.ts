import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, type GameWithApi } from './helpers/game-with-api';
import { snapshot, waitForScene } from './helpers/keyboard-player';

/**
 * A scenario published to the server is on the menu of a game built before it existed,
 * and plays at once: no rebuild. A newer version replaces it at the next page load.
 */
const root = join(import.meta.dirname, '..', '..');
const AUTHOR_KEY = 'e2e-author-key-0123456789abcdef';
const ID = 'wheelchair-drill';
const draft = (title: string) =>
  readFileSync(join(root, 'scenarios/tutorial.yaml'), 'utf8')
    .replace(/^id: tutorial$/m, `id: ${ID}`)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^tutorial: true$/m, 'tutorial: false');

describe('scenarios served by the server, in the browser', () => {
  let served: GameWithApi;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    served = await buildAndServeWithApi({ authorKey: AUTHOR_KEY });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  async function publish(yaml: string): Promise<{ hash: string; version: number }> {
    const response = await fetch(`${served.url}/api/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${AUTHOR_KEY}` },
      body: JSON.stringify({ yaml }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { hash: string; version: number };
  }

  it('lists a published scenario on the menu and plays it in practice; a new version replaces it on reload', async () => {
    const first = await publish(draft('Lost wheelchair'));
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const problems = collectProblems(page);

    await page.goto(`${served.url}/?renderer=canvas`);
    await waitForScene(page, 'menu');
    const listed = await page.evaluate(() => window.surgeDrill!.scenarios());
    expect(listed).toContainEqual(expect.objectContaining({ id: ID, title: 'Lost wheelchair' }));

    await page.goto(`${served.url}/?renderer=canvas&scenario=${ID}&seed=3&mode=practice`);
    await waitForScene(page, 'desk');
    const run = (await snapshot(page)).run!;
    expect(run).toMatchObject({ scenarioId: ID, mode: 'practice', seed: 3 });

    const second = await publish(draft('Lost wheelchair, revised'));
    expect(second.version).toBe(2);
    await page.goto(`${served.url}/?renderer=canvas`);
    await waitForScene(page, 'menu');
    const relisted = await page.evaluate(() => window.surgeDrill!.scenarios());
    expect(relisted.filter((s) => s.id === ID)).toEqual([expect.objectContaining({ title: 'Lost wheelchair, revised' })]);
    expect(first.hash).not.toBe(second.hash);
    expect(problems).toEqual([]);
  }, 180_000);
});
