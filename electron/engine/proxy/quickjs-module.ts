import { readFile } from 'node:fs/promises';

/**
 * The QuickJS WebAssembly bytes for the PAC sandbox, read once per process.
 *
 * quickjs-wasi reads `quickjs.wasm` from its own package folder. The command line is one bundled
 * file without node_modules, so its build puts a copy next to the bundle (see
 * vite.cli.config.ts); this looks there first and otherwise leaves the loading to the library
 * (tests, and the app, where dependencies stay in node_modules). V8 caches the compiled module,
 * so handing the bytes over on every run costs milliseconds.
 */

/** File name of the copy next to a bundle. */
export const QUICKJS_WASM_FILE = 'quickjs.wasm';

let bytes: Promise<Uint8Array | undefined> | undefined;

export function quickjsWasm(): Promise<Uint8Array | undefined> {
  bytes ??= readFile(new URL(`./${QUICKJS_WASM_FILE}`, import.meta.url)).then(
    (data) => new Uint8Array(data),
    () => undefined,
  );
  return bytes;
}
