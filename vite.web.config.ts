import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { buildInfoDefine } from './build-info.config.ts';

/**
 * The web harness's bridge (`npm run start:web`) as one ESM file for Node 20, like the command
 * line: the engine and its dependencies bundled, the renderer served from `out/renderer`.
 */
export default defineConfig({
  define: buildInfoDefine(),
  build: {
    ssr: 'electron/web-bridge/main.ts',
    outDir: 'dist/web',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: 'outlook-doktor-web.mjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
