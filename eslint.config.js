// Lint: typescript-eslint with type information, plus the layering of DESIGN.md as import rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data*/**', 'artifacts/**', 'coverage/**', '.adminjs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/domain/**'],
    [
      'typeorm',
      'adminjs',
      '@adminjs/*',
      'express',
      'pg',
      '**/entities/**',
      '**/services/**',
      '**/admin/**',
      '**/reports/**',
    ],
    'src/domain holds pure rules: no persistence, framework or outer layer.',
  ),
  layer(
    ['src/services/**', 'src/reports/**', 'src/entities/**', 'src/seed/**'],
    ['**/admin/**', 'adminjs', '@adminjs/*'],
    'Nothing below the admin imports it.',
  ),
);
