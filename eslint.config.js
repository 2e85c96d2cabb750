// Lint rules, including the import boundaries the architecture depends on:
//  - engine, clients, simulator, CLI, server and shared code never import `electron`
//    (they must run under plain Node and in tests);
//  - the renderer and shared code never import Node built-ins, and the renderer reaches the
//    rest of the app only through src/shared (the typed contract);
//  - only the IPC wrapper modules may touch ipcMain / ipcRenderer;
//  - product code never imports the simulator (src/simulator), a test double for Radarr/Sonarr;
//  - relative imports in src leave out the file extension (one style; Bundler resolution).
// Import cycles are checked by madge, not here (`npm run lint:cycles`, part of `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { name: 'electron', message: 'Engine code runs under plain Node: do not import electron here.' };
const ipcNames = ['ipcMain', 'ipcRenderer'];
// These two use the typescript-eslint copy of the rule so that they add to the per-folder
// `no-restricted-imports` settings below instead of replacing them (flat config replaces a rule's
// options, it does not merge them).
const noJsExtension = { regex: '^\\.{1,2}/.*\\.js$', message: 'Relative imports in src leave out the extension.' };
const noSimulator = {
  group: ['**/simulator', '**/simulator/**'],
  message: 'src/simulator is a test double for tests, benchmarks and the demo: product code never imports it.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'src/arr/generated/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noSimulator, noJsExtension] }] },
  },
  {
    // the simulator itself, and the demo, which exists to run Trawlarr against it
    files: ['src/simulator/**/*.ts', 'src/cli/demo.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noJsExtension] }] },
  },
  {
    files: ['src/shared/**', 'src/arr/**', 'src/engine/**', 'src/simulator/**', 'src/cli/**', 'src/server/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }] },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src/shared is used by the renderer: no Node built-ins.' }))],
          patterns: [{ group: ['**/engine/**', '**/arr/**', '**/main/**', '**/cli/**', '**/server/**'], message: 'src/shared depends on nothing else in src.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through the preload bridge (src/shared contract).' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a sandbox: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['**/engine/**', '**/arr/**', '**/main/**', '**/preload/**', '**/cli/**', '**/server/**', '**/simulator/**'], message: 'The renderer may import only src/shared and its own modules.' },
          ],
        },
      ],
    },
  },
  {
    // Electron deprecates APIs a major before removing them (the sync safeStorage API: gone in 46)
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.electron.json'], tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-deprecated': 'error' },
  },
  {
    // GitHub Desktop's rule: only the typed wrappers may touch ipcMain / ipcRenderer.
    files: ['src/main/**', 'src/preload/**'],
    ignores: ['src/main/ipc.ts', 'src/main/ipc/**', 'src/preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ipcNames, message: 'Use the typed IPC wrapper (src/main/ipc) instead.' }] }],
      'no-restricted-syntax': ['error', { selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]', message: 'Use the typed IPC wrapper (src/main/ipc) instead.' }],
    },
  },
);
