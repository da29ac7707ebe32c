// Lint: TypeScript rules plus the import boundaries that keep the architecture honest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'http', 'https', 'net',
  'url', 'util', 'zlib', 'events', 'buffer', 'process', 'readline',
];
const noNode = [
  { group: ['node:*'], message: 'The pure core and the renderer do not use Node.' },
  ...nodeBuiltins.map((n) => ({ group: [n, `${n}/*`], message: 'The pure core and the renderer do not use Node.' })),
];
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main.ts and preload.ts touch Electron.' };
const noReact = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'ag-grid-*', 'ag-charts-*', 'zustand', 'zustand/*', 'zundo'], message: 'UI libraries belong to the renderer.' };
const noExceljs = { group: ['exceljs'], message: 'exceljs runs on the Node side only (shared/workbook/xlsx is its sole home).' };
const noUpward = (what) => ({ group: [`**/${what}/**`, `**/${what}`], message: `Do not import ${what}/ from here.` });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-output/**', 'coverage/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/workbook/xlsx/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, noElectron, noReact, noExceljs, noUpward('electron'), noUpward('renderer')] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['shared/workbook/xlsx/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, noElectron, noReact, noUpward('electron'), noUpward('renderer')] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, noElectron, noExceljs, noUpward('electron'), { group: ['**/workbook/xlsx/**', '**/workbook/xlsx'], message: 'xlsx parsing runs on the host.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/desktop/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noUpward('renderer')] }],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/desktop/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUpward('renderer')] }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bin/**/*.mjs', '*.config.{ts,mjs}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
