import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { scenarioInvalidError, scenarioPublished } from '../src/api/index';

export const publishUsage = `surge-drill publish FILE --server URL [--key-file F]
  Publishes a scenario to a Surge Drill server (author key from --key-file or SURGE_DRILL_AUTHOR_KEY);
  prints the new version's hash, or every problem as file:line:column field: message.`;

/** The author key is read from a file or the environment, never from the command line (shell history, ps). */
const KEY_ENV = 'SURGE_DRILL_AUTHOR_KEY';

/** A server that does not answer in this time is reported, not waited on for ever. */
const PUBLISH_TIMEOUT_MS = 30_000;

const errorBody = z.object({ code: z.string(), message: z.string() });

function authorKey(keyFile: string | undefined): string | undefined {
  if (keyFile !== undefined) return readFileSync(keyFile, 'utf8').trim() || undefined;
  return process.env[KEY_ENV]?.trim() || undefined;
}

/** `surge-drill publish`: 0 when published, 1 when refused or unreachable, 2 on bad usage. */
export async function publishCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { server: { type: 'string' }, 'key-file': { type: 'string' } } });
  if (positionals.length !== 1 || !values.server) {
    console.error(`surge-drill publish: give one scenario file and --server URL\n\n${publishUsage}`);
    return 2;
  }
  const [file] = positionals as [string];
  const key = authorKey(values['key-file']);
  if (!key) {
    console.error(`surge-drill publish: no author key: pass --key-file F or set ${KEY_ENV}`);
    return 2;
  }
  const yaml = readFileSync(file, 'utf8');
  const url = new URL('/api/scenarios', values.server);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ yaml }),
      signal: AbortSignal.timeout(PUBLISH_TIMEOUT_MS),
    });
  } catch (err) {
    console.error(`surge-drill publish: cannot reach ${url.origin}: ${(err as Error).message}`);
    return 1;
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 201) {
    const published = scenarioPublished.parse(body);
    console.log(`published ${published.id} version ${published.version}: ${published.hash}`);
    return 0;
  }
  const invalid = scenarioInvalidError.safeParse(body);
  if (response.status === 400 && invalid.success) {
    for (const p of invalid.data.problems) console.error(`${file}:${p.line}:${p.column}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    console.error(`${file}: not published (${invalid.data.problems.length} problem(s))`);
    return 1;
  }
  const error = errorBody.safeParse(body);
  console.error(`surge-drill publish: HTTP ${response.status}${error.success ? ` ${error.data.code}: ${error.data.message}` : ''}`);
  return 1;
}
