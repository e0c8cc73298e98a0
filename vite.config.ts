import { join } from 'node:path';
import { defineConfig } from 'vite';
import { bundleBudgetPlugin } from './build-plugins/bundle-budget.plugin.ts';
import { bundledScenariosPlugin } from './build-plugins/bundled-scenarios.plugin.ts';

/** Modules that run no code when imported, so the bundler may drop whatever the game does not use. */
const PURE_MODULES = /[\\/]src[\\/](core|api)[\\/]/;

/**
 * The browser game. `base: './'` keeps every URL relative, so the build works from
 * any path (the server's root, a sub-folder, a file share). Phaser is most of the
 * download and changes rarely, so it gets its own long-cached chunk.
 */
export default defineConfig({
  base: './',
  plugins: [bundledScenariosPlugin(join(import.meta.dirname, 'scenarios')), bundleBudgetPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Phaser alone is ~1.2 MB minified; warn only above that.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      // The core and the API contract are pure by rule (tests/core/architecture.test.ts): importing
      // one of their modules only defines things. Saying so lets unused zod schemas leave the bundle.
      treeshake: { moduleSideEffects: (id: string) => !PURE_MODULES.test(id) },
      // The studio (/studio) is a page of its own: its editor and worker never reach the game's chunks.
      input: { game: 'index.html', studio: 'studio.html' },
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
