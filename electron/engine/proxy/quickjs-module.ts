import { readFile } from 'node:fs/promises';

/**
 * The QuickJS WebAssembly module for the PAC sandbox, compiled once per process.
 *
 * quickjs-wasi reads `quickjs.wasm` from its own package folder. The command line is one bundled
 * file without node_modules, so its build puts a copy next to the bundle (see
 * vite.cli.config.ts); this looks there first and otherwise leaves the loading to the library
 * (tests, and the app, where dependencies stay in node_modules).
 */

/** File name of the copy next to a bundle. */
export const QUICKJS_WASM_FILE = 'quickjs.wasm';

let compiled: Promise<WebAssembly.Module | undefined> | undefined;

export function quickjsModule(): Promise<WebAssembly.Module | undefined> {
  compiled ??= readFile(new URL(`./${QUICKJS_WASM_FILE}`, import.meta.url)).then(
    (bytes) => WebAssembly.compile(bytes),
    () => undefined,
  );
  return compiled;
}
