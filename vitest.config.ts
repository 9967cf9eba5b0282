import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test`: every test but the slow, exhaustive ones (`*.slow.test.ts`, run by `npm run test:slow`
 * with vitest.slow.config.ts). No result here depends on the machine's speed: the limits below only
 * stop a hung process.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/**/*.slow.test.ts'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: LibreOffice and Chromium tests are heavy, so keep the pool small.
    maxWorkers: 2,
  },
});
