// ESLint flat config. Beyond the recommended rules, it enforces the architecture: src/core is pure
// TypeScript that runs in node, the browser worker and the CLI alike, so it may import neither
// `vscode`, nor node built-ins, nor touch DOM globals (test/unit/cli/lint.test.ts proves it fires).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module',
  'net', 'os', 'path', 'perf_hooks', 'process', 'stream', 'timers', 'url', 'util', 'worker_threads', 'zlib',
];

/** Globals of the DOM and of node that have no meaning inside the pure core. */
const IMPURE_GLOBALS = [
  ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'fetch', 'XMLHttpRequest', 'acquireVsCodeApi']
    .map((name) => ({ name, message: 'src/core is pure: no DOM. The webview and the extension adapters own the UI.' })),
  ...['require', '__dirname', '__filename', 'Buffer']
    .map((name) => ({ name, message: 'src/core is pure: no node APIs. Let the host (extension, CLI) pass data in.' })),
];

/** Hand-listed globals, so plain .js/.mjs scripts lint without an extra dependency. */
const nodeGlobals = Object.fromEntries(
  ['process', 'require', 'module', 'exports', '__dirname', '__filename', 'console', 'Buffer', 'setTimeout',
    'clearTimeout', 'setInterval', 'clearInterval', 'URL', 'TextDecoder', 'TextEncoder', 'performance', 'structuredClone']
    .map((g) => [g, 'readonly']),
);
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'getComputedStyle', 'HTMLElement', 'requestAnimationFrame'].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', 'examples/**', 'test/fixtures/**',
      'test/e2e/screenshots/**', 'test/e2e/out/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // a leading underscore marks a deliberately unused name, in scripts as in sources
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Core modules model Python/numpy semantics with namespaces merged into types (Shape.format).
      '@typescript-eslint/no-namespace': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not depend on VS Code: put editor code under src/vscode.' },
          ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core is pure: no node built-ins (it also runs in the browser).' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'src/core is pure: no node built-ins (it also runs in the browser).' },
          { group: ['**/vscode/**', '**/webview/**', '**/cli/**'], message: 'src/core must not import its adapters.' },
        ],
      }],
      'no-restricted-globals': ['error', ...IMPURE_GLOBALS],
    },
  },
  {
    // numpy's generators are reproduced from its C sources, whose constants carry more digits than
    // a double holds; keeping them verbatim makes them checkable against the reference.
    files: ['src/core/random/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
