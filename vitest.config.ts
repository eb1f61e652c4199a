import { defineConfig } from 'vitest/config';

const source = { conditions: ['weframe-source'] };

export default defineConfig({
  resolve: source,
  ssr: { resolve: { conditions: ['weframe-source'], externalConditions: ['weframe-source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/core/src/**/*.test.ts',
            'packages/cli/src/**/*.unit.test.ts',
            'packages/web/src/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/{store,server,cli}/src/**/*.test.ts'],
          // Tests of PostgreSQL itself (`*.pg.test.ts`) run only in its suite (`npm run test:pg`).
          exclude: ['**/*.unit.test.ts', ...(process.env.DATABASE_URL ? [] : ['**/*.pg.test.ts'])],
          globalSetup: ['packages/store/src/test-support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
