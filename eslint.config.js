import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', '**/node_modules/**', 'coverage/**', 'storybook-static/**', '.storybook/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Every file that uses React: the library, its stories, examples, component tests and benchmark apps.
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'examples/**/*.{ts,tsx}', 'test/**/*.tsx', 'bench/**/*.tsx', '.storybook/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The core must never import React (it is the framework-free entry point).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', '@tanstack/*'] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.{mjs,ts,tsx}', 'examples/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
