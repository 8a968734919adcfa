// @vitest-environment jsdom
// The post list follows a saved title without reading the whole site again, and still lists the site again when
// posts come or go.
import { afterEach, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { ProgressProvider } from '../../common/progress/progress-context';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { replaceEntry, usePosts } from './use-posts';
import { postEntryOf } from '../../../shared/site/post-entry';

const entry = (path: string, title: string): PostEntry => postEntryOf(path, { title, size: 1 });
const A = '_posts/2024-03-12-a.md';
const B = '_posts/2024-03-12-b.md';

function Titles() {
  const { posts } = usePosts('/site');
  return <ul>{posts?.map((p) => <li key={p.path}>{p.title}</li>)}</ul>;
}

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

describe('the post list after a save', () => {
  it('replaces the one entry whose file changed, without listing the site again', async () => {
    let titleOfA = 'First title';
    const main = fakeMain({
      'site.posts': () => ({ ok: true, value: [entry(A, 'First title'), entry(B, 'Other')] }),
      'site.post': (args) => ({ ok: true, value: entry(String(args.path), titleOfA) }),
    });
    const view = await mount(main, <ProgressProvider><Titles /></ProgressProvider>);
    mounted.push(view);
    await settle();
    const titles = () => [...view.container.querySelectorAll('li')].map((li) => li.textContent);
    expect(titles()).toEqual(['First title', 'Other']);

    titleOfA = 'A better title';
    await settle(() => main.emit('file.changed', { site: '/site', path: A, kind: 'changed' }));
    await settle();
    expect(titles()).toEqual(['A better title', 'Other']);
    expect(main.count('site.posts')).toBe(1);
    expect(main.count('site.post', A)).toBe(1);

    // A file that is not a post, or another site's post, changes nothing.
    await settle(() => main.emit('file.changed', { site: '/site', path: '_config.yml', kind: 'changed' }));
    await settle(() => main.emit('file.changed', { site: '/other', path: A, kind: 'changed' }));
    expect(main.count('site.post')).toBe(1);

    // A post added or removed lists the site again.
    await settle(() => main.emit('file.changed', { site: '/site', path: B, kind: 'removed' }));
    await new Promise((r) => setTimeout(r, 80));
    await settle();
    expect(main.count('site.posts')).toBe(2);
  });

  it('keeps only the latest answer when two saves are answered out of order', async () => {
    const answers: Array<(title: string) => void> = [];
    const main = fakeMain({
      'site.posts': () => ({ ok: true, value: [entry(A, 'One')] }),
      'site.post': (args) => new Promise((resolve) => answers.push((title) => resolve({ ok: true, value: entry(String(args.path), title) }))),
    });
    const view = await mount(main, <ProgressProvider><Titles /></ProgressProvider>);
    mounted.push(view);
    await settle();
    await settle(() => main.emit('file.changed', { site: '/site', path: A, kind: 'changed' }));
    await settle(() => main.emit('file.changed', { site: '/site', path: A, kind: 'changed' }));
    await settle(() => answers[1]('Three'));
    await settle(() => answers[0]('Two'));
    expect(view.container.textContent).toBe('Three');
  });
});

describe('replaceEntry', () => {
  it('puts the fresh entry in its place and leaves the list alone when nothing changed or the post is not listed', () => {
    const list = [entry(A, 'a'), entry(B, 'b')];
    expect(replaceEntry(list, entry(B, 'new')).map((p) => p.title)).toEqual(['a', 'new']);
    expect(replaceEntry(list, entry(B, 'b'))).toBe(list);
    expect(replaceEntry(list, entry('_posts/2024-01-01-c.md', 'c'))).toBe(list);
  });
});
