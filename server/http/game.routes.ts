import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built game from dist/. Vite fingerprints everything under assets/, so
 * those are cached for a year; index.html is revalidated so a new build shows at once.
 * `/studio` is the scenario studio's page (studio.html), revalidated the same way.
 */
export async function gameRoutes(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('/', async (_request, reply) => {
      reply.code(503).type('text/plain; charset=utf-8');
      return 'The game is not built yet: run `npm run build` (or `npm start`, which builds it), then reload.\n';
    });
  }
  if (!existsSync(distDir)) return;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    setHeaders(reply, path) {
      reply.header('cache-control', path.startsWith(join(distDir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  if (existsSync(join(distDir, 'studio.html'))) app.get('/studio', (_request, reply) => reply.sendFile('studio.html'));
}
