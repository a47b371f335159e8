import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { buildInfoDefine } from './build-info.config.ts';

/**
 * The command line as one ESM file for Node 20: dependencies are bundled so `node` starts it
 * without resolving hundreds of modules (start-up time counts in a helpdesk session).
 */
export default defineConfig({
  define: buildInfoDefine(),
  build: {
    ssr: 'electron/cli/outlook-doktor.ts',
    outDir: 'dist/cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        format: 'es',
        entryFileNames: 'outlook-doktor.mjs',
        banner: '#!/usr/bin/env node',
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
