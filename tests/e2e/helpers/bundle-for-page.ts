import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { REPO_ROOT } from '../../repo-root';

/**
 * Bundles one module of the repository (path from the root) as a script that sets
 * `globalThis[name]` to its exports, so a test can run the same code in Chromium as in Node.
 */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    build: { write: false, minify: false, lib: { entry: join(REPO_ROOT, entry), formats: ['iife'], name } },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const output = (Array.isArray(out) ? out[0]! : out).output;
  return output.find((o): o is Rollup.OutputChunk => o.type === 'chunk')!.code;
}
