// Builds the app: esbuild bundles main, preload, the launcher and the CLI (CommonJS, as Electron's sandboxed
// preload needs); Vite builds the renderer once for both transports.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

const entries = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  launch: 'electron/launch/launch.ts',
  cli: 'electron/cli/cli.ts',
};

await esbuild({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(root, v)])),
  outdir: path.join(root, 'dist/electron'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  // sharp is a native module (libvips in its @img/* packages) and playwright-core drives a browser from its own
  // files: both are loaded from node_modules, never bundled.
  external: ['electron', 'sharp', 'playwright-core'],
  // `import()` of an external becomes `require()`: Node's ESM loader would otherwise scan playwright-core's 7 MB of
  // CommonJS for its export names (about 110 ms of every PDF from the command line).
  supported: { 'dynamic-import': false },
  logLevel: quiet ? 'warning' : 'info',
});

await viteBuild({
  configFile: path.join(root, 'vite.renderer.config.mts'),
  logLevel: quiet ? 'warn' : 'info',
});
