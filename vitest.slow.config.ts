import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm run test:slow`: the slow, exhaustive runs (`*.slow.test.ts`): the 1 MB letter through
 * LibreOffice, the long crash loop. Each test sets its own generous limit.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.slow.test.ts'],
    exclude: [...configDefaults.exclude],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
