import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const root = join(import.meta.dirname, '..', '..', '..');

export interface ServedGame {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/**
 * Builds the game once into a temporary folder (never the shared dist/) and
 * serves it with Vite's static preview server on 127.0.0.1 and a free port.
 */
export async function buildAndServe(): Promise<ServedGame> {
  const outDir = mkdtempSync(join(tmpdir(), 'surge-drill-dist-'));
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
