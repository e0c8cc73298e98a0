import { defineConfig } from 'vite';

/**
 * The browser game. `base: './'` keeps every URL relative, so the build works from
 * any path (the server's root, a sub-folder, a file share). Phaser is most of the
 * download and changes rarely, so it gets its own long-cached chunk.
 */
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Phaser alone is ~1.2 MB minified; warn only above that.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
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
