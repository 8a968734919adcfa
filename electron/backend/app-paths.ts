/**
 * Where the app's own files are, the same from source (`electron/<folder>/*.ts`, run by tsx or vitest) and
 * from the bundle (`dist/electron/*.cjs`): both sit two folders below the app root. No electron import, so
 * browser mode, the CLI and the launcher use it too.
 */
import path from 'node:path';

/** The app root: the folder with package.json, `dist/` and `resources/`. */
export function appRoot(): string {
  return path.resolve(__dirname, '..', '..');
}

/** The built renderer (Vite's output), served by both transports. */
export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/** The app's resources: sample site, icons, templates. */
export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}
