// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/** Layers (GUIDE.md): a broken layer is a lint error, not a review comment. */
const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

/**
 * One zone for each arrow between the project's folders that must not exist. Paths are resolved
 * (relative imports, any depth), so `../../db/x` and `../db/x` are caught alike. Packages with side
 * effects (node:*, electron, react…) are refused by name below, since they do not resolve to a
 * folder of ours. tests/unit/layers.test.ts lints a probe across each zone and expects the error.
 */
const LAYER_ZONES = [
  {
    target: 'renderer',
    from: ['main', 'db', 'templates'],
    message: 'renderer/ talks to main only through window.api.',
  },
  {
    target: 'shared',
    from: ['main', 'db', 'renderer', 'templates'],
    message: 'shared/ is pure: it knows nothing of main, storage, the UI or the letter renderer.',
  },
  {
    target: 'db',
    from: ['main', 'renderer', 'templates'],
    message: 'db/ is storage: it knows nothing of main, the UI or the letter renderer.',
  },
  {
    target: 'templates',
    from: ['main', 'db', 'renderer'],
    message: 'templates/ is data and a pure renderer: no main, storage or UI.',
  },
  {
    target: 'main/services',
    from: ['main/electron', 'main/bridge', 'main/cli', 'renderer'],
    message: 'main/services/ is called by Electron, the bridge and the CLI, never the other way round.',
  },
  {
    target: ['main', 'db', 'shared', 'renderer', 'templates'],
    from: ['tests', 'bench'],
    message: 'The app does not depend on its tests or benchmarks.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'db/migrations/**',
      'test-results/**',
      '.tsbuild/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json', '.node'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: noImport(
      [
        'node:*',
        'fs',
        'path',
        'electron',
        'better-sqlite3',
        'react',
        '**/main/**',
        '**/db/**',
        '**/renderer/**',
        '**/templates/**',
      ],
      'shared/ is pure: no Node, DOM, Electron or storage imports.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: noImport(
      ['node:*', 'electron', 'better-sqlite3', '**/main/**', '**/db/**'],
      'renderer/ talks to main only through window.api.',
    ),
  },
  {
    // main/logger.ts too: the bridge and the CLI use it, where Electron is not there.
    files: ['main/services/**/*.ts', 'main/logger.ts', 'db/**/*.ts', 'templates/**/*.ts'],
    rules: noImport(['electron', 'react', '**/renderer/**'], 'services stay free of Electron and the UI.'),
  },
  prettier,
);
