// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Layers (GUIDE.md): a broken layer is a lint error, not a review comment. */
const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'db/migrations/**', 'test-results/**'] },
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
    files: ['main/services/**/*.ts', 'db/**/*.ts', 'templates/**/*.ts'],
    rules: noImport(['electron', 'react', '**/renderer/**'], 'services stay free of Electron and the UI.'),
  },
  prettier,
);
