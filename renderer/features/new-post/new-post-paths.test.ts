// The dialog shows (and sends) per language the folder where the site keeps posts of the category and the file name.
import { describe, expect, it } from 'vitest';
import { planPost, usualCategory } from './new-post-paths';

const bilingual = { languages: ['en', 'de'], defaultLanguage: 'en' };
const post = (path: string, category: string | null) => ({ path, category, categories: category ? [category] : [] });
// As the bilingual fixture: releases in announcements/, blog posts in blog/, one English release without German.
const posts = [
  post('_i18n/en/_posts/announcements/2024-09-10-security-update.md', 'release'),
  post('_i18n/en/_posts/announcements/2024-06-04-partner-programme.md', 'release'),
  post('_i18n/de/_posts/announcements/2024-06-04-partner-programme.md', 'release'),
  post('_i18n/en/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md', 'release'),
  post('_i18n/de/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md', 'release'),
  post('_i18n/en/_posts/blog/2024-02-01-why-open-clouds.md', 'blog'),
  post('_i18n/de/_posts/blog/2024-02-01-why-open-clouds.md', 'blog'),
];
const input = { languages: ['en', 'de'], date: '2025-03-01', category: 'release', titles: { en: 'Big news', de: 'Große Neuigkeit' }, slug: null, folders: {} };

describe('planPost', () => {
  it('puts each language where the site keeps the category, under one file name from the default language’s title', () => {
    const plan = planPost(bilingual, posts, input);
    expect(plan).toMatchObject({ paired: true, slug: 'big-news', problem: null });
    expect(plan.files).toEqual([
      { language: 'en', title: 'Big news', folder: '_i18n/en/_posts/announcements', fileName: '2025-03-01-big-news.md', path: '_i18n/en/_posts/announcements/2025-03-01-big-news.md' },
      { language: 'de', title: 'Große Neuigkeit', folder: '_i18n/de/_posts/announcements', fileName: '2025-03-01-big-news.md', path: '_i18n/de/_posts/announcements/2025-03-01-big-news.md' },
    ]);
    expect(planPost(bilingual, posts, { ...input, category: 'blog' }).files.map((f) => f.folder)).toEqual(['_i18n/en/_posts/blog', '_i18n/de/_posts/blog']);
    expect(plan.folderChoices.de).toEqual(['_i18n/de/_posts/announcements', '_i18n/de/_posts/blog', '_i18n/de/_posts']);
  });

  it('learns a category’s folder from another language, and puts a new category in the posts folder', () => {
    const englishOnly = [post('_i18n/en/_posts/events/2024-01-01-summit.md', 'event'), ...posts];
    expect(planPost(bilingual, englishOnly, { ...input, category: 'event' }).files[1].folder).toBe('_i18n/de/_posts/events');
    expect(planPost(bilingual, posts, { ...input, category: 'something new' }).files.map((f) => f.folder)).toEqual(['_i18n/en/_posts', '_i18n/de/_posts']);
  });

  it('takes the new post’s year where the site sorts posts into year folders', () => {
    const sample = [post('_i18n/en/_posts/2024/2024-01-18-a.md', 'release'), post('_i18n/de/_posts/2024/2024-01-18-a.md', 'release')];
    expect(planPost(bilingual, sample, input).files.map((f) => f.path)).toEqual(['_i18n/en/_posts/2025/2025-03-01-big-news.md', '_i18n/de/_posts/2025/2025-03-01-big-news.md']);
    expect(planPost(bilingual, sample, { ...input, category: 'new' }).files[0].folder).toBe('_i18n/en/_posts/2025');
  });

  it('keeps what the user typed: the German default is the primary when English is not chosen, folders and slug as typed', () => {
    const plan = planPost(bilingual, posts, { ...input, languages: ['de'], slug: 'eigener-name', folders: { de: '_i18n/de/_posts/presse/' } });
    expect(plan.files).toEqual([{ language: 'de', title: 'Große Neuigkeit', folder: '_i18n/de/_posts/presse', fileName: '2025-03-01-eigener-name.md', path: '_i18n/de/_posts/presse/2025-03-01-eigener-name.md' }]);
  });

  it('uses _posts on a plain site and names a second language in the file', () => {
    const plain = [post('_posts/2024-01-01-x.md', 'news')];
    expect(planPost(bilingual, plain, { ...input, category: 'news' }).files.map((f) => f.path)).toEqual(['_posts/2025-03-01-big-news.md', '_posts/2025-03-01-grosse-neuigkeit-de.md']);
    expect(planPost({ languages: [], defaultLanguage: null }, [], { ...input, languages: [], titles: { '': 'X' } }).files.map((f) => f.path)).toEqual(['_posts/2025-03-01-x.md']);
  });

  it('explains an unusable slug, date or folder', () => {
    expect(planPost(bilingual, posts, { ...input, slug: '../x' }).problem).toBe('slug');
    expect(planPost(bilingual, posts, { ...input, date: '2025-02-30' }).problem).toBe('date');
    expect(planPost(bilingual, posts, { ...input, folders: { de: '_i18n/en/_posts' } }).problem).toBe('folder');
  });

  it('starts with the category most posts have', () => {
    expect(usualCategory(posts)).toBe('release');
    expect(usualCategory([])).toBe('');
  });
});
