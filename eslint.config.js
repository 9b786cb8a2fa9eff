import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // process.env and action inputs are read only by the entry points (DESIGN.md §2).
    files: ['src/**/*.ts'],
    ignores: ['src/action/**', 'src/cli/**', 'src/server/main.ts', 'src/runtime/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment in src/action/config.ts or the CLI only.',
        },
      ],
    },
  },
);
