// Lint enforces the layers (as VS Code's code-layering): shared/ and renderer/ never reach Node or Electron,
// services never import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'process'];
const noNode = {
  paths: [{ name: 'electron', message: 'Only electron/main (the thin Electron layer) and electron/preload may import electron.' }, ...nodeModules.map((name) => ({ name, message: 'shared/ and renderer/ are pure: no Node imports.' }))],
  patterns: [{ group: ['node:*'], message: 'shared/ and renderer/ are pure: no Node imports.' }, { group: ['**/electron/**', '../electron/*'], message: 'Reach main through the contract.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'resources/sample-site/**', 'test-results/**', 'playwright-report/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', noNode], 'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'] } },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/**/*.test.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', noNode] } },
  {
    files: ['electron/services/**/*.ts', 'electron/backend/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Services and browser mode never import electron, so tests, the CLI and browser mode can run them.' }] }] },
  },
  { files: ['**/*.mjs', 'scripts/**', 'bench/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly' } } },
);
