// @vitest-environment jsdom
// The dialog as a press officer uses it on a bilingual site: both languages ticked, the German title follows the
// English one until edited, the folder where the site keeps releases, one shared file name, and exactly the files
// shown are sent to main. After a post is created with a new category, the category is offered the next time.
import { act, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { FrontMatterSchema, PostEntry, SiteSummary } from '../../../shared/contract/models';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { useSiteDataScope } from '../../common/site-data/use-site-resource';
import { NewPostDialog } from './new-post-dialog';
import { newPostEntry } from './new-post-paths';

const PLAIN: SiteSummary = { root: '/sites/press', name: 'Press', languages: [], defaultLanguage: null, assetSources: ['assets'], collections: [], postCount: 0, warnings: [] };
const BILINGUAL: SiteSummary = { ...PLAIN, root: '/sites/kestrel', languages: ['en', 'de'], defaultLanguage: 'en' };
const entry = (path: string, category: string): PostEntry => ({ ...newPostEntry(path, 'x', '2024-03-12', /_i18n\/(\w+)/.exec(path)?.[1] ?? null), category, categories: [category] });
const POSTS = [
  entry('_i18n/en/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md', 'release'),
  entry('_i18n/de/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md', 'release'),
  entry('_i18n/en/_posts/blog/2024-02-01-why-open-clouds.md', 'blog'),
];

function Scope({ site, children }: { site: SiteSummary; children: ReactNode }) {
  useSiteDataScope(site.root);
  return <>{children}</>;
}

/** Types into a React-controlled input as a user would. */
function type(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The input a label names, as a user finds it. */
function field(root: HTMLElement, label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  if (!found) throw new Error(`no field "${label}"`);
  return root.querySelector<HTMLInputElement>(`[id="${found.htmlFor}"]`)!;
}

const choices = (root: HTMLElement) => [...root.querySelectorAll(`[id="${field(root, 'Category').getAttribute('list')}"] option`)].map((o) => o.getAttribute('value'));
const listed = (root: HTMLElement) => [...root.querySelectorAll('li')].map((li) => li.textContent);
const schema = (categories: string[]) => (): { ok: true; value: FrontMatterSchema } => ({ ok: true, value: { fields: [{ key: 'category', type: 'string', options: [...categories], origin: 'inferred' }], collections: {}, problems: [] } });

describe('the new-post dialog', () => {
  it('creates a release in both languages with two titles, in the folder the site keeps releases in, under one file name', async () => {
    const main = fakeMain({ 'site.frontMatterSchema': schema(['blog', 'release']), 'post.create': () => ({ ok: true, value: { paths: ['a', 'b'] } }) });
    let created: unknown[] = [];
    const view = await mount(main, <Scope site={BILINGUAL}><NewPostDialog site={BILINGUAL} posts={POSTS} onCreated={(...args) => void (created = args)} onClose={() => undefined} /></Scope>);
    await settle();
    const root = view.container;
    // Every language of the site is ticked; the category is the site's usual one.
    expect([...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((c) => c.checked)).toEqual([true, true]);
    expect(field(root, 'Category').value).toBe('release');

    await act(async () => type(field(root, 'Title (English)'), 'Kestrel Cloud 3.0 is out'));
    // The German title follows until it is edited, and says so.
    expect(field(root, 'Title (German)').value).toBe('Kestrel Cloud 3.0 is out');
    expect(root.textContent).toContain('The English title until you change it.');
    await act(async () => type(field(root, 'Title (German)'), 'Kestrel Cloud 3.0 ist da'));
    await act(async () => type(field(root, 'Title (English)'), 'Kestrel Cloud 3.0 is here'));
    expect(field(root, 'Title (German)').value).toBe('Kestrel Cloud 3.0 ist da');
    expect(root.textContent).not.toContain('until you change it');

    expect(field(root, 'File name').value).toBe('kestrel-cloud-3-0-is-here');
    expect(root.textContent).toContain('shared by every language');
    expect(field(root, 'Folder (English)').value).toBe('_i18n/en/_posts/announcements');
    expect(field(root, 'Folder (German)').value).toBe('_i18n/de/_posts/announcements');
    const date = field(root, 'Date');
    await act(async () => {
      type(date, '2024-11-05');
      date.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(listed(root)).toEqual(['_i18n/en/_posts/announcements/2024-11-05-kestrel-cloud-3-0-is-here.md', '_i18n/de/_posts/announcements/2024-11-05-kestrel-cloud-3-0-is-here.md']);

    // A folder outside the language's posts folder is explained and nothing is sent.
    await act(async () => type(field(root, 'Folder (German)'), '_layouts'));
    await act(async () => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(root.textContent).toContain('Choose a folder inside _i18n/de/_posts.');
    expect(main.count('post.create')).toBe(0);
    await act(async () => type(field(root, 'Folder (German)'), '_i18n/de/_posts/announcements'));

    await act(async () => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await settle();
    expect(main.calls.find((c) => c.name === 'post.create')?.args).toEqual({
      site: '/sites/kestrel',
      date: '2024-11-05',
      category: 'release',
      posts: [
        { language: 'en', title: 'Kestrel Cloud 3.0 is here', folder: '_i18n/en/_posts/announcements', fileName: '2024-11-05-kestrel-cloud-3-0-is-here.md' },
        { language: 'de', title: 'Kestrel Cloud 3.0 ist da', folder: '_i18n/de/_posts/announcements', fileName: '2024-11-05-kestrel-cloud-3-0-is-here.md' },
      ],
    });
    expect(created).toEqual([['a', 'b'], 'Kestrel Cloud 3.0 is here', '2024-11-05']);
    await view.unmount();
  });

  it("offers a new post's category the next time it opens", async () => {
    const categories = ['news'];
    const main = fakeMain({
      'site.frontMatterSchema': () => schema(categories)(),
      'post.create': () => {
        categories.push('events');
        return { ok: true, value: { paths: ['_posts/2024-05-01-launch.md'] } };
      },
    });
    let created: string[] = [];
    const dialog = <NewPostDialog site={PLAIN} posts={[]} onCreated={(paths) => void (created = paths)} onClose={() => undefined} />;
    const view = await mount(main, <Scope site={PLAIN}>{dialog}</Scope>);
    await settle();
    expect(choices(view.container)).toEqual(['news']);

    await act(async () => {
      type(field(view.container, 'Title'), 'Launch');
      type(field(view.container, 'Category'), 'events');
    });
    expect(field(view.container, 'Folder').value).toBe('_posts');
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await settle();
    expect(created).toEqual(['_posts/2024-05-01-launch.md']);
    expect((main.calls.find((c) => c.name === 'post.create')?.args.posts as unknown[])[0]).toEqual({ title: 'Launch', folder: '_posts', fileName: expect.stringMatching(/^\d{4}-\d{2}-\d{2}-launch\.md$/) });

    await view.render(<Scope site={PLAIN}>{null}</Scope>);
    await view.render(<Scope site={PLAIN}>{dialog}</Scope>);
    await settle();
    expect(choices(view.container)).toEqual(['news', 'events']);
    expect(main.count('site.frontMatterSchema')).toBe(2);
    await view.unmount();
  });
});
