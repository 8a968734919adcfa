// Lint enforces the layers (as VS Code's code-layering): every app folder lists what it may import, anything else fails.
// eslint-plugin-boundaries rather than dependency-cruiser: it runs inside the existing `npm run lint` (one tool, editor
// marks), takes per-element allow lists with captures, checks entry points (a service area only through its index.ts)
// and resolves TypeScript paths through eslint-import-resolver-typescript, type-only imports included.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
// The TypeScript projects the resolver reads (one per layer, see the `typecheck` script).
const tsconfigs = ['shared/tsconfig.json', 'shared/tsconfig.test.json', 'renderer/tsconfig.json', 'renderer/tsconfig.test.json', 'electron/tsconfig.json', 'e2e/tsconfig.json', 'tsconfig.tools.json'];

// Every folder of the app is an element; the first matching pattern wins. Files in shared/, renderer/ or electron/
// outside these folders are unknown and fail `boundaries/no-unknown-files`, so a new folder cannot slip through.
const elements = [
  { type: 'shared', pattern: 'shared' },
  { type: 'feature', pattern: 'renderer/features/*', capture: ['feature'] },
  { type: 'renderer-base', pattern: 'renderer/common' },
  { type: 'renderer-base', pattern: 'renderer/api' },
  { type: 'renderer-base', pattern: 'renderer/i18n' },
  { type: 'renderer-base', pattern: 'renderer/theme' },
  { type: 'renderer-app', pattern: 'renderer/app' },
  { type: 'service', pattern: 'electron/services/*', capture: ['area'] },
  { type: 'backend', pattern: 'electron/backend' },
  { type: 'server', pattern: 'electron/server' },
  { type: 'cli', pattern: 'electron/cli' },
  { type: 'launch', pattern: 'electron/launch' },
  { type: 'main', pattern: 'electron/main' },
  { type: 'preload', pattern: 'electron/preload' },
  // Tools: end-to-end tests, benchmarks, build scripts and root configs may import whatever they need.
  { type: 'tool', pattern: 'e2e' },
  { type: 'tool', pattern: 'bench' },
  { type: 'tool', pattern: 'scripts' },
].map((element) => ({ partialMatch: false, ...element }));

// Single files are classified by category (element patterns match folders).
const files = [
  // Tests, and test kits beside them (`*-testing.ts(x)`: fakes and mount helpers only tests import).
  { category: 'test', pattern: '**/*{.test,-testing}.{ts,tsx}' },
  // The renderer's entry (renderer/main.tsx) belongs to the shell.
  { category: 'renderer-entry', pattern: 'renderer/*.{ts,tsx}' },
  // Test data the app's tests may read: pure (shared/ and Node only).
  { category: 'fixture', pattern: ['e2e/fixtures/**', 'bench/generate-site.ts'] },
  // Root configs (vitest, vite, playwright, eslint) are tools.
  { category: 'tool', pattern: '*.{ts,mts,mjs}' },
];

const is = (...types) => ({ element: { types } });
const core = { module: { origin: 'core' } };
const npm = (...source) => ({ module: { origin: 'external', source } });
const anyNpm = { module: { origin: 'external' } };
const category = (categories) => ({ file: { categories } });
const test = category('test');
const fixture = category('fixture');
const appElements = ['feature', 'renderer-base', 'renderer-app', 'service', 'backend', 'server', 'cli', 'launch', 'main', 'preload'];
const electronModule = npm('electron');
// Libraries that run anywhere (no Node, no DOM needed): shared/ and the renderer may use them.
const pureLibraries = ['valibot', 'yaml', 'markdown-it', 'markdown-it-deflist', 'markdown-it-footnote', 'liquidjs', 'entities'];
const browserLibraries = ['react', 'react-dom', '@codemirror/*', '@lezer/*', 'dompurify'];
const testLibraries = ['vitest', 'jsdom'];
const serviceIndex = { element: { types: 'service', fileInternalPath: 'index.ts' } };
const nodeLayers = ['service', 'backend', 'server', 'cli', 'launch'];

// Allowed imports per layer; anything not allowed here is a breach (default: disallow, all origins, type imports too).
// Imports inside one element (a feature, a service area, a folder) are its own business and not checked.
// Policies are read top to bottom and the last one that matches decides.
const policies = [
  // shared/ is pure TypeScript: shared/ and pure libraries only (no Node, DOM, Electron, renderer/ or electron/).
  { from: is('shared'), allow: [{ to: is('shared') }, { to: npm(...pureLibraries) }] },
  // A renderer feature: itself, renderer/{common,api,i18n,theme} and shared/. Features meet through renderer/common,
  // never each other, never the shell (renderer/app).
  { from: is('feature'), allow: [{ to: is('renderer-base', 'shared') }, { to: npm(...pureLibraries, ...browserLibraries) }] },
  // renderer/{common,api,i18n,theme}: each other and shared/, never a feature or the shell.
  { from: is('renderer-base'), allow: [{ to: is('renderer-base', 'shared') }, { to: npm(...pureLibraries, ...browserLibraries) }] },
  // The shell (renderer/app, renderer/main.tsx) composes all of the renderer.
  { from: [is('renderer-app'), category('renderer-entry')], allow: [{ to: is('renderer-app', 'feature', 'renderer-base', 'shared') }, { to: npm(...pureLibraries, ...browserLibraries) }] },
  // Tests of shared/ and renderer/ may build fixtures with Node (still never electron/ or another layer).
  { from: [{ ...is('shared', 'feature', 'renderer-base', 'renderer-app'), ...test }], allow: { to: core } },
  // A service area: shared/ and other areas only through their index.ts; never backend/server/cli/launch/main.
  { from: is('service'), allow: [{ to: is('shared') }, { to: serviceIndex }] },
  // The call edge: service areas (through index.ts) and shared/.
  { from: is('backend'), allow: [{ to: is('shared') }, { to: serviceIndex }] },
  // Browser mode and the CLI: the backend, service areas (through index.ts), shared/ (the CLI starts browser mode).
  { from: is('server', 'cli'), allow: [{ to: is('shared', 'backend', 'server', 'cli') }, { to: serviceIndex }] },
  // `npm start`: starts Electron or browser mode.
  { from: is('launch'), allow: [{ to: is('shared', 'backend', 'server') }, { to: serviceIndex }] },
  // The Node side uses Node and npm packages freely (electron excepted, below).
  { from: is(...nodeLayers), allow: [{ to: core }, { to: anyNpm }] },
  // The Electron glue: electron, the electron/ folders and shared/; never renderer/.
  { from: is('main'), allow: [{ to: is('shared', 'backend', 'server', 'cli', 'launch', 'main') }, { to: serviceIndex }, { to: core }, { to: anyNpm }] },
  // The sandboxed preload may only require electron at run time; shared/ is bundled in.
  { from: is('preload'), allow: [{ to: is('shared') }, { to: electronModule }] },
  // Any test: the test runner and fixtures.
  { from: test, allow: [{ to: npm(...testLibraries) }, { to: fixture }] },
  // Tests of the call edge and the CLI may use a service area's test kits (real repositories, a real git remote).
  { from: [{ ...is('backend', 'server', 'cli'), ...test }], allow: [{ to: { ...is('service'), ...test } }] },
  // Tools (e2e, bench, scripts, root configs) may import what they need: nothing in the app imports them.
  { from: [is('tool'), category('tool')], allow: { to: { module: { origin: ['local', 'external', 'core'] } } } },
  { from: fixture, disallow: [{ to: is(...appElements) }, { to: electronModule }], message: 'Fixtures are pure test data: shared/, Node and libraries only.' },
  // Last word: only the Electron glue and tools may import electron.
  { from: [is('shared', 'feature', 'renderer-base', 'renderer-app', ...nodeLayers), category('renderer-entry')], disallow: { to: electronModule }, message: 'Only electron/main and electron/preload import electron: services, backend, server, CLI and the renderer run without it.' },
];

// Globals that mean Node or a browser: shared/ must run in both, so it uses neither.
const nodeGlobals = ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'self', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'alert', 'confirm', 'prompt', 'requestAnimationFrame', 'getComputedStyle', 'matchMedia', 'DOMParser', 'HTMLElement', 'MutationObserver', 'ResizeObserver', 'IntersectionObserver'];
const restrictGlobals = (names, message) => names.map((name) => ({ name, message }));

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
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': root,
      'boundaries/elements': elements,
      'boundaries/files': files,
      // Every way a module can be reached counts: import (type-only too), export … from, import(), require, import('x').T.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'boundaries/additional-dependency-nodes': [{ selector: 'TSImportType > Literal.source', kind: 'type', name: 'type-import' }],
      'import/resolver': { typescript: { project: tsconfigs.map((file) => `${root}/${file}`), noWarnOnMultipleProjects: true } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, policies }],
      'boundaries/no-unknown-dependencies': 'error',
      'boundaries/no-unknown-files': 'error',
    },
  },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: { 'no-restricted-globals': ['error', ...restrictGlobals(nodeGlobals, 'shared/ is pure: no Node globals.'), ...restrictGlobals(domGlobals, 'shared/ is pure: no DOM globals.')] } },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/**/*.test.{ts,tsx}'], rules: { 'no-restricted-globals': ['error', ...restrictGlobals(nodeGlobals, 'The renderer runs in a browser: no Node globals.')] } },
  { files: ['**/*.mjs', 'scripts/**', 'bench/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly' } } },
);
