import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { freshDatabaseUrl } from '../helpers/test-app';
import { miniScenarioDir } from '../helpers/drill-attack';

/**
 * Issue 13, finding 8: trainer exports took the trainer token in the URL, where it ends up in
 * proxy logs, browser history and Referer headers. Trainer routes now take it only as
 * `Authorization: Bearer`; a token in the URL is refused with a reason (no deprecation period:
 * the game, their only client, fetches with the header), and the token reaches no log line.
 */
describe('trainer exports', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => server?.stop('SIGKILL'));

  it('are served for the Authorization header only, refuse a token in the URL, and keep it out of the logs', async () => {
    server = await startServerProcess({ DATABASE_URL: await freshDatabaseUrl('sqlite'), SCENARIO_DIR: miniScenarioDir(), LOG_LEVEL: 'info' });
    const base = server.url;
    const created = await fetch(`${base}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: 'mini' }) });
    const { code, trainerToken } = (await created.json()) as { code: string; trainerToken: string };
    const byHeader = { authorization: `Bearer ${trainerToken}` };

    for (const path of ['results.csv', 'xapi', 'results', '']) {
      const url = `${base}/api/drills/${code}${path ? `/${path}` : ''}`;
      for (const name of ['token', '%74oken']) {
        const refused = await fetch(`${url}?${name}=${encodeURIComponent(trainerToken)}`);
        expect(refused.status, `${path} ?${name}=`).toBe(400);
        expect(await refused.json()).toMatchObject({ code: 'drill/token_in_url', message: expect.stringContaining('Authorization: Bearer') });
      }
      // Even with the header beside it: the token in the URL is the leak.
      expect((await fetch(`${url}?token=${encodeURIComponent(trainerToken)}`, { headers: byHeader })).status, path).toBe(400);
      const served = await fetch(url, { headers: byHeader });
      expect(served.status, path).toBe(200);
      await served.arrayBuffer();
    }
    const csv = await fetch(`${base}/api/drills/${code}/results.csv`, { headers: byHeader });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`drill-${code}-results.csv`);
    expect(await csv.text()).toMatch(/^name,/);

    await server.stop('SIGTERM');
    const log = server.output();
    expect(log).toContain('/results.csv'); // the requests were logged…
    expect(log).not.toContain(trainerToken); // …without the token
    expect(log).not.toContain(encodeURIComponent(trainerToken));
  });
});
