// @vitest-environment jsdom
// The post list shows a release once, with a chip per site language: present, missing (dashed) or the same text as
// another language (a symlink); a row opens the member in the interface language, or the language filter's.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { pairPosts } from '../../../shared/site/post-pairs';
import { postEntryOf } from '../../../shared/site/post-entry';
import { fakeMain, mount } from '../../common/site-data/site-data-testing';
import { I18nProvider } from '../../i18n/i18n-context';
import type { Language } from '../../i18n/translate';
import { PostList } from './post-list';

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

function post(path: string, title: string, over: Partial<PostEntry> = {}): PostEntry {
  return postEntryOf(path, { title, category: 'press', layout: 'post', size: 1, ...over });
}

const POSTS = [
  post('_i18n/en/_posts/announcements/2024-03-12-launch.md', 'Kestrel Cloud 2.0 is here'),
  post('_i18n/de/_posts/announcements/2024-03-12-launch.md', 'Kestrel Cloud 2.0 ist da'),
  post('_i18n/en/_posts/announcements/2024-06-04-partner.md', 'Partner programme'),
  post('_i18n/de/_posts/announcements/2024-06-04-partner.md', 'Partner programme', {
    symlinkTarget: '_i18n/en/_posts/announcements/2024-06-04-partner.md',
    symlinkLanguage: 'en',
  }),
  post('_i18n/en/_posts/announcements/2024-09-10-security.md', 'Security update', { draft: true }),
  post('_posts/2020-01-01-old.md', 'An old post', { category: null }),
];
const PAIRS = pairPosts(POSTS, ['en', 'de']);

async function show(language: Language = 'en', selectedPath: string | null = null) {
  const opened: string[] = [];
  const view = await mount(
    fakeMain(),
    <I18nProvider language={language}>
      <PostList pairs={PAIRS} siteLanguages={['en', 'de']} defaultLanguage="en" selectedPath={selectedPath} onOpen={(p) => opened.push(p.path)} />
    </I18nProvider>,
  );
  mounted.push(view);
  const rows = () => [...view.container.querySelectorAll<HTMLElement>('[role="option"]')];
  const texts = () => rows().map((r) => r.textContent ?? '');
  return { view, opened, rows, texts };
}

describe('the post list of a bilingual site', () => {
  it('shows each release once with its languages, the missing one and the linked one, and counts releases', async () => {
    const { view, texts, rows } = await show('en');
    expect(texts()).toHaveLength(4);
    expect(texts()[0]).toContain('Security update');
    expect(texts()[0]).toContain('DE missing');
    expect(texts()[0]).toContain('Draft');
    expect(texts()[1]).toContain('DE = EN');
    expect(texts()[2]).toContain('Kestrel Cloud 2.0 is here');
    expect(texts()[2]).toMatch(/EN.*DE/);
    expect(texts()[3]).toContain('An old post');
    const missing = rows()[0].querySelector('.lang-chip-missing')!;
    expect(missing.getAttribute('title')).toBe('German: not translated yet');
    expect(rows()[1].querySelector('.lang-chip-same')!.getAttribute('title')).toBe('German: same text as English');
    expect(rows()[3].querySelector('.lang-chip')).toBeNull();
    expect(view.container.querySelector('.post-count')!.textContent).toBe('4 of 4 releases');
  });

  it('opens the member in the interface language: German in the German interface', async () => {
    const { texts, rows, opened, view } = await show('de');
    expect(texts()[2]).toContain('Kestrel Cloud 2.0 ist da');
    expect(texts()[0]).toContain('DE fehlt');
    expect(rows()[1].querySelector('.lang-chip-same')!.getAttribute('title')).toBe('Deutsch: derselbe Text wie Englisch');
    // The English-only release still opens in English.
    await act(async () => rows()[0].click());
    await act(async () => rows()[2].click());
    expect(opened).toEqual(['_i18n/en/_posts/announcements/2024-09-10-security.md', '_i18n/de/_posts/announcements/2024-03-12-launch.md']);
    expect(view.container.querySelector('.post-count')!.textContent).toBe('4 von 4 Pressemitteilungen');
  });

  it('with a language chosen, lists the releases that have it and opens that language', async () => {
    const { view, texts, rows, opened } = await show('en');
    const select = view.container.querySelectorAll('select')[0];
    await act(async () => {
      select.value = 'de';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(texts()).toHaveLength(2);
    expect(texts()[1]).toContain('Kestrel Cloud 2.0 ist da');
    await act(async () => rows()[1].click());
    expect(opened).toEqual(['_i18n/de/_posts/announcements/2024-03-12-launch.md']);
    expect(view.container.querySelector('.post-count')!.textContent).toBe('2 of 4 releases');
  });

  it('selects the row whose release holds the open post, whichever language is open', async () => {
    const { rows } = await show('en', '_i18n/de/_posts/announcements/2024-03-12-launch.md');
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false']);
  });
});
