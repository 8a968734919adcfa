// The dialog shows the same files main creates: one per language, in the site's folders.
import { describe, expect, it } from 'vitest';
import { plannedPaths } from './new-post-paths';

const i18nSite = { languages: ['en', 'de'], defaultLanguage: 'en' };
const posts = [{ path: '_i18n/en/_posts/2024/2024-01-18-a.md' }, { path: '_i18n/de/_posts/2024/2024-01-18-a.md' }];

describe('plannedPaths', () => {
  it('puts each language in its own folder on an i18n site with year folders', () => {
    expect(plannedPaths(i18nSite, posts, ['en', 'de'], '2025-03-01', 'big-news').paths).toEqual([
      '_i18n/en/_posts/2025/2025-03-01-big-news.md',
      '_i18n/de/_posts/2025/2025-03-01-big-news.md',
    ]);
  });

  it('uses _posts on a plain site and names a second language in the file', () => {
    const plain = { languages: ['en', 'de'], defaultLanguage: 'en' };
    expect(plannedPaths(plain, [{ path: '_posts/2024-01-01-x.md' }], ['en', 'de'], '2025-03-01', 'x').paths).toEqual(['_posts/2025-03-01-x.md', '_posts/2025-03-01-x-de.md']);
    expect(plannedPaths({ languages: [], defaultLanguage: null }, [], [], '2025-03-01', 'x').paths).toEqual(['_posts/2025-03-01-x.md']);
  });

  it('explains an unusable slug or date', () => {
    expect(plannedPaths(i18nSite, posts, ['en'], '2025-03-01', '../x').problem).toMatch(/file name/);
    expect(plannedPaths(i18nSite, posts, ['en'], '2025-02-30', 'x').problem).toMatch(/not a date/);
  });
});
