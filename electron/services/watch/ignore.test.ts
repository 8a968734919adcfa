import { describe, expect, it } from 'vitest';
import { isIgnoredPath } from './ignore';

describe('isIgnoredPath', () => {
  it('reports the user’s files and .git/HEAD (a branch switch)', () => {
    for (const rel of ['', '_posts/2024-01-01-a.md', '_config.yml', 'assets/images/a.png', '.git', '.git/HEAD', '.pressroom.yml', '_i18n/de/_posts/a.md']) {
      expect(isIgnoredPath(rel), rel).toBe(false);
    }
  });

  it('ignores git internals, generated folders and our own temporary files', () => {
    for (const rel of [
      '.git/index',
      '.git/refs/heads/main',
      '.git/HEAD.lock',
      '_site/index.html',
      'node_modules/x/package.json',
      'theme/node_modules/y.js',
      '.jekyll-cache/Jekyll/Cache/a',
      '.sass-cache/b',
      '_posts/.2024-01-01-a.md.pressroom-4242-0123456789ab-0123456789abcdef01234567.tmp',
    ]) {
      expect(isIgnoredPath(rel), rel).toBe(true);
    }
  });
});
