// Lint: typescript-eslint with type information, plus the layering of DESIGN.md as import rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

// What src/domain may not import: persistence, frameworks, and every outer layer.
const OUTSIDE_DOMAIN = [
  'typeorm',
  'adminjs',
  '@adminjs/*',
  'express',
  'pg',
  '**/entities/**',
  '**/services/**',
  '**/reports/**',
];

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
      // Chinese text is set with the ideographic space U+3000 (between a case number and its title, in the
      // blanks of the printed forms): allowed in template literals and JSX text, as in strings; an error in code.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // The adapter between AdminJS and TypeORM: @adminjs/typeorm's Resource takes and gives records as
    // Record<string, any> (find, create, update, prepareParams, a property's column) and the resource rules
    // pass them on; typing them would mean redeclaring the adapter's internals.
    files: ['src/admin/scoped-resource.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read the JSON the HTTP app under test answers, and the rows of raw SQL, by field: `any` there
    // is the body as the server sent it, checked by the expectations that follow.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain scripts the admin's pages load in the browser.
    files: ['src/web/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', NodeFilter: 'readonly', MutationObserver: 'readonly' },
    },
  },
  layer(
    ['src/domain/**'],
    [...OUTSIDE_DOMAIN, '**/admin/**'],
    'src/domain holds pure rules: no persistence, framework or outer layer.',
  ),
  layer(
    ['src/services/**', 'src/reports/**', 'src/entities/**', 'src/seed/**'],
    ['**/admin/**', 'adminjs', '@adminjs/*'],
    'Nothing below the admin imports it.',
  ),
);
