import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { buildInfoDefine } from './build-info.config.ts';

/**
 * The PAC sandbox's WebAssembly (quickjs-wasi reads it from its package folder, which a bundle
 * does not have): copied next to the bundle, where electron/engine/proxy/quickjs-module.ts looks.
 */
function quickjsWasm(): Plugin {
  return {
    name: 'outlook-doktor:quickjs-wasm',
    generateBundle() {
      const packageJson = createRequire(import.meta.url).resolve('quickjs-wasi/package.json');
      this.emitFile({ type: 'asset', fileName: 'quickjs.wasm', source: readFileSync(path.join(path.dirname(packageJson), 'quickjs.wasm')) });
    },
  };
}

/**
 * The command line as one ESM file for Node 20: dependencies are bundled so `node` starts it
 * without resolving hundreds of modules (start-up time counts in a helpdesk session).
 */
export default defineConfig({
  define: buildInfoDefine(),
  plugins: [quickjsWasm()],
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
