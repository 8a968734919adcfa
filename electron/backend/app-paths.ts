/**
 * Where the app's own files are, the same from source (`electron/<folder>/*.ts`, run by tsx or vitest), from the
 * bundle (`dist/electron/*.cjs`) and from a packaged app: the folder of the app's own package.json. No electron
 * import, so browser mode, the CLI and the launcher use it too.
 */
import fs from 'node:fs';
import path from 'node:path';

const APP_PACKAGE_NAME = 'pressroom';

/** The nearest folder at or above `start` whose package.json is Pressroom's (two folders up when none is found). */
export function findAppRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === APP_PACKAGE_NAME) return dir;
    } catch {
      // No package.json here, or not ours: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start, '..', '..');
    dir = parent;
  }
}

let cachedRoot: string | undefined;

/** The app root: the folder with package.json, `dist/` and `resources/`. */
export function appRoot(): string {
  cachedRoot ??= findAppRoot(__dirname);
  return cachedRoot;
}

/** The built renderer (Vite's output), served by both transports. */
export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/** The app's resources: sample site, icons, templates. */
export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}
