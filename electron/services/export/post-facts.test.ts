// What the export's header and the PDF's metadata say about a post: its language by the rules a multilingual
// site follows, its authors as the site's data names them, and a subject short enough for a PDF reader's panel.
import { describe, expect, it } from 'vitest';
import { postAuthors, postDate, postKeywords, postLanguage, postSubject, postTitle, shorten } from './post-facts';

describe('postLanguage', () => {
  const site = { languages: ['en', 'de'], default_lang: 'en' };
  it('takes the front matter first, then the _i18n folder, then the site default, then English', () => {
    expect(postLanguage({ lang: 'de-AT' }, '_i18n/en/_posts/a.md', site)).toBe('de-AT');
    expect(postLanguage({}, '_i18n/de/_posts/2023/2023-03-22-x.md', site)).toBe('de');
    expect(postLanguage({}, '_posts/2023-03-22-x.md', { languages: ['de', 'en'] })).toBe('de');
    expect(postLanguage({}, '_posts/x.md', { lang: 'fr' })).toBe('fr');
    expect(postLanguage({}, '_i18n/fr/_posts/x.md', {})).toBe('fr');
    expect(postLanguage({}, '_posts/x.md', {})).toBe('en');
  });
  it('ignores a value that is not a language tag', () => {
    expect(postLanguage({ lang: 'de" onload="x' }, '_posts/x.md', {})).toBe('en');
    expect(postLanguage({ lang: ['de'] }, '_posts/x.md', { default_lang: 42 })).toBe('en');
  });
});

describe('postAuthors', () => {
  it('reads author and authors as names, lists or objects, and looks keys up in _data/authors', () => {
    const data = { authors: { jdoe: { name: 'Jane Doe' }, kg: { display_name: 'Kurt Garloff' } } };
    expect(postAuthors({ author: ['Sovereign Cloud Stack'] }, {})).toEqual(['Sovereign Cloud Stack']);
    expect(postAuthors({ author: 'jdoe', authors: ['kg', { name: 'Eve' }, 'jdoe'] }, data)).toEqual(['Jane Doe', 'Kurt Garloff', 'Eve']);
    expect(postAuthors({ author: 'toString' }, data)).toEqual(['toString']);
    expect(postAuthors({ author: { nick: 'x' } }, {})).toEqual([]);
  });
});

describe('the other facts', () => {
  it('finds date and title in the front matter or the file name', () => {
    expect(postDate({ date: '2022-09-21 10:00:00 +0200' }, '_posts/x.md')).toBe('2022-09-21');
    expect(postDate({}, '_posts/2023-03-22-release-4.md')).toBe('2023-03-22');
    expect(postDate({}, '_drafts/x.md')).toBe('');
    expect(postTitle({ title: ' Release 4 ' }, '_posts/2023-03-22-release-4.md')).toBe('Release 4');
    expect(postTitle({}, '_posts/2023-03-22-release-4.md')).toBe('release-4');
  });
  it('joins tags and categories as keywords', () => {
    expect(postKeywords({ tags: ['cloud', 'release'], category: 'release', categories: 'press news' })).toEqual(['cloud', 'release', 'press', 'news']);
  });
  it('takes the excerpt or the first paragraph as subject, cut at a word near 200 characters', () => {
    expect(postSubject({ description: 'Short.' }, '<p>Body</p>')).toBe('Short.');
    expect(postSubject({}, '<h2>x</h2><p>First <a href="#">para</a> &amp; more</p><p>Second</p>')).toBe('First para & more');
    expect(postSubject({}, '<p>Harmless.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1">1</a></sup> Next.</p>')).toBe('Harmless. Next.');
    const long = shorten('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(201);
    expect(long.endsWith('word…')).toBe(true);
  });
});
