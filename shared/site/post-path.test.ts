import { describe, expect, it } from 'vitest';
import { inferPostLayout, postPathFor } from './post-path';

const i18nConfig = { languages: ['en', 'de'], defaultLanguage: 'en' };
const plainConfig = { languages: [], defaultLanguage: null };

describe('inferPostLayout', () => {
  it('sees _i18n folders and year subfolders in the existing posts', () => {
    expect(inferPostLayout(['_i18n/en/_posts/2024/2024-01-18-a.md', '_i18n/de/_posts/2024/2024-01-18-a.md'], i18nConfig)).toEqual({ i18n: true, yearFolders: true });
    expect(inferPostLayout(['_posts/2024-01-18-a.md', '_posts/2023-01-01-b.md', '_drafts/x.md'], plainConfig)).toEqual({ i18n: false, yearFolders: false });
    expect(inferPostLayout([], i18nConfig)).toEqual({ i18n: true, yearFolders: false });
    expect(inferPostLayout([], plainConfig)).toEqual({ i18n: false, yearFolders: false });
  });
});

describe('postPathFor', () => {
  it('puts a post where the site keeps its posts', () => {
    expect(postPathFor(i18nConfig, 'de', '2024-05-01', 'launch', { i18n: true, yearFolders: true })).toBe('_i18n/de/_posts/2024/2024-05-01-launch.md');
    expect(postPathFor(i18nConfig, 'en', '2024-05-01', 'launch', { i18n: true, yearFolders: false })).toBe('_i18n/en/_posts/2024-05-01-launch.md');
    expect(postPathFor(plainConfig, null, '2024-05-01', 'launch', { i18n: false, yearFolders: false })).toBe('_posts/2024-05-01-launch.md');
    expect(postPathFor(plainConfig, null, '2024-05-01', 'launch', { i18n: false, yearFolders: true })).toBe('_posts/2024/2024-05-01-launch.md');
  });

  it('names a second language without _i18n folders so translations do not collide', () => {
    expect(postPathFor({ languages: ['en', 'de'], defaultLanguage: 'en' }, 'de', '2024-05-01', 'launch', { i18n: false, yearFolders: false })).toBe('_posts/2024-05-01-launch-de.md');
  });

  it('refuses dates that are not days and slugs that are not file names', () => {
    const layout = { i18n: false, yearFolders: false };
    expect(() => postPathFor(plainConfig, null, '2024-02-30', 'x', layout)).toThrow(/not a date/);
    expect(() => postPathFor(plainConfig, null, '24-1-1', 'x', layout)).toThrow(/not a date/);
    for (const slug of ['../escape', 'a/b', '', '.hidden', 'x..y', 'a\\b']) expect(() => postPathFor(plainConfig, null, '2024-01-01', slug, layout), slug).toThrow(/file name/);
    expect(() => postPathFor(i18nConfig, '../x', '2024-01-01', 'ok', { i18n: true, yearFolders: false })).toThrow(/language/);
  });
});
