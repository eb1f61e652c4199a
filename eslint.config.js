// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/*.generated.ts',
      '**/node_modules/**',
      'data/**',
      'packages/store/migrations/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.eslint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The core is pure: no I/O, no sibling packages, so the CLI, the server and tests share it.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'packages/core is pure: no Node built-ins.' },
            { group: ['@weframe/*'], message: 'packages/core imports no sibling package.' },
            {
              group: [
                'fs',
                'path',
                'os',
                'http',
                'https',
                'net',
                'child_process',
                'crypto',
                'stream',
                'worker_threads',
                'url',
                'zlib',
              ],
              message: 'packages/core is pure: no I/O modules.',
            },
            {
              group: [
                'react',
                'react-dom',
                'hono',
                'drizzle-orm',
                'drizzle-orm/*',
                '@electric-sql/*',
                'postgres',
              ],
              message: 'packages/core imports no framework or database.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'packages/core reads no environment.' },
        { name: 'fetch', message: 'packages/core does no I/O.' },
      ],
    },
  },
);
