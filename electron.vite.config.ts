import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { buildInfoDefine } from './build-info.config.ts';

/**
 * The desktop app: main process (ESM), preload (CommonJS, because a sandboxed window's preload
 * must be), renderer (React).
 */
export default defineConfig({
  main: {
    define: buildInfoDefine(),
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the web harness serves it too, so size counts.
      minify: true,
      reportCompressedSize: true,
      // ES2021: class static blocks are lowered, so the security scanner (electronegativity, whose
      // parser stops at ES2022 syntax) can read the whole bundle; Chromium runs either.
      target: 'es2021',
      // Loads from disk (app://) or loopback, never over a slow network: one bundle, apart from the monitor screen, which loads when first opened.
      chunkSizeWarningLimit: 800,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
