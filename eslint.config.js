// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Lint, including the layering rules of the house style: each folder may import only what runs
 * where its code runs. A violation fails `npm test`.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const RAW_IPC = 'Use the typed IPC wrappers (electron/main/ipc/typed-ipc-main.ts, electron/preload/expose-api.ts) instead of raw ipcMain/ipcRenderer.';

/** @param {{ node?: boolean, electron?: boolean, rawIpc?: boolean, react?: boolean, layers: string[] }} allowed */
function layer(allowed) {
  const paths = [];
  if (!allowed.node) paths.push(...nodeBuiltins.map((name) => ({ name, message: 'This layer must not use Node APIs (see style.md, import rules).' })));
  if (!allowed.electron) paths.push({ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' });
  else if (!allowed.rawIpc) paths.push({ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: RAW_IPC });
  const patterns = [];
  for (const l of ['engine', 'cli', 'main', 'preload', 'web-bridge']) {
    if (!allowed.layers.includes(l)) patterns.push({ group: [`**/electron/${l}/**`, `../${l}/**`, `../../${l}/**`], message: `This layer must not import electron/${l}.` });
  }
  if (!allowed.layers.includes('renderer')) patterns.push({ group: ['**/renderer/**'], message: 'Only the renderer imports renderer code.' });
  if (!allowed.layers.includes('e2e')) patterns.push({ group: ['**/e2e/**'], message: 'Product code must not import test code.' });
  if (!allowed.react) patterns.push({ group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*', 'zustand', 'zustand/*'], message: 'UI libraries belong to the renderer.' });
  const rules = { 'no-restricted-imports': ['error', { paths, patterns }] };
  const syntax = [];
  if (allowed.electron && !allowed.rawIpc) {
    // Also catches `electron.ipcMain` through a namespace or default import.
    syntax.push({ selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]', message: RAW_IPC });
  }
  if (!allowed.react) {
    // Code that ends up in the main-process bundle: the Electron security scanner cannot parse
    // ES2022 `#private` members, and an unparsed bundle hides its checks. Use TS `private`.
    syntax.push({ selector: 'PrivateIdentifier', message: 'Use a TypeScript `private` member, not `#private` (the Electron security scan cannot parse it).' });
  }
  if (allowed.node) {
    // Node 20 holds the inner timeout signal weakly: after a garbage collection the deadline never comes.
    syntax.push({
      selector: "CallExpression[callee.object.name='AbortSignal'][callee.property.name='any'] CallExpression[callee.object.name='AbortSignal'][callee.property.name='timeout']",
      message: 'Use deadlineSignal() from electron/engine/net/deadline-signal.ts: AbortSignal.any loses an AbortSignal.timeout after GC on Node 20.',
    });
  }
  if (syntax.length) rules['no-restricted-syntax'] = ['error', ...syntax];
  return rules;
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', '.tsbuild/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.json',
          './electron/engine/tsconfig.json',
          './electron/cli/tsconfig.json',
          './electron/main/tsconfig.json',
          './electron/preload/tsconfig.json',
          './electron/web-bridge/tsconfig.json',
          './renderer/tsconfig.json',
          './tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // An async function without await is a plain way to return a promise; not a defect.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'No .only in committed tests.' },
        { object: 'it', property: 'only', message: 'No .only in committed tests.' },
        { object: 'test', property: 'only', message: 'No .only in committed tests.' },
      ],
    },
  },
  { files: ['shared/**'], ignores: ['**/*.test.ts'], rules: layer({ layers: [] }) },
  { files: ['electron/engine/**'], ignores: ['**/*.test.ts'], rules: layer({ node: true, layers: ['engine'] }) },
  { files: ['electron/cli/**'], ignores: ['**/*.test.ts'], rules: layer({ node: true, layers: ['engine', 'cli'] }) },
  { files: ['electron/main/**'], ignores: ['**/*.test.ts', 'electron/main/ipc/typed-ipc-main.ts'], rules: layer({ node: true, electron: true, layers: ['engine', 'main'] }) },
  { files: ['electron/main/ipc/typed-ipc-main.ts'], rules: layer({ node: true, electron: true, rawIpc: true, layers: ['engine', 'main'] }) },
  { files: ['electron/preload/**'], ignores: ['**/*.test.ts', 'electron/preload/expose-api.ts'], rules: layer({ electron: true, layers: ['preload'] }) },
  { files: ['electron/preload/expose-api.ts'], rules: layer({ electron: true, rawIpc: true, layers: ['preload'] }) },
  { files: ['electron/web-bridge/**'], ignores: ['**/*.test.ts'], rules: layer({ node: true, layers: ['engine', 'web-bridge'] }) },
  { files: ['renderer/**'], ignores: ['**/*.test.ts', '**/*.test.tsx'], rules: layer({ react: true, layers: ['renderer'] }) },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
