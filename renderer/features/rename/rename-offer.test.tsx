// @vitest-environment jsdom
// The rename offer as a user meets it: it appears once a new title is saved on a release nobody committed, moves
// English and German together, says plainly why nothing moved, and "Keep the name" puts it away until the next title.
import { afterEach, describe, expect, it } from 'vitest';
import type { GitChange, GitStatus } from '../../../shared/contract/git-models';
import type { PostEntry } from '../../../shared/contract/models';
import { pairPosts } from '../../../shared/site/post-pairs';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { RenameOffer } from './rename-offer';
import { postEntryOf } from '../../../shared/site/post-entry';

const EN = '_i18n/en/_posts/announcements/2024-03-12-first-title.md';
const DE = '_i18n/de/_posts/announcements/2024-03-12-first-title.md';
const entry = (path: string, title: string, language: string): PostEntry => postEntryOf(path, { title, language, category: 'release', categories: ['release'], size: 1 });
const status = (changes: Partial<GitChange>[]): GitStatus => ({
  repoRoot: '/site',
  sitePrefix: '',
  branch: 'main',
  detachedAt: null,
  upstream: null,
  ahead: 0,
  behind: 0,
  hasCommits: true,
  operation: null,
  changes: changes.map((c) => ({ path: '', oldPath: null, kind: 'new', staged: 'no', conflicted: false, ...c })),
  remote: null,
});

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

/** Shows the offer for the English post of a pair; `retitle` saves a new English title (the list's entry follows). */
async function show(site: string, answers: Parameters<typeof fakeMain>[0]) {
  const main = fakeMain(answers);
  const moved: Array<[string, string]> = [];
  let renamed = 0;
  const node = (title: string) => {
    const pairs = pairPosts([entry(EN, title, 'en'), entry(DE, 'Erster Titel', 'de')], ['en', 'de']);
    return <RenameOffer site={{ root: site, defaultLanguage: 'en' }} post={pairs[0].members[0]} pairs={pairs} saving={false} onMove={(from, to) => void moved.push([from, to])} onRenamed={() => void renamed++} />;
  };
  const view = await mount(main, node('First title'));
  mounted.push(view);
  await settle();
  return { main, view, moved, renamed: () => renamed, retitle: async (title: string) => (await view.render(node(title)), await settle()) };
}

const button = (root: HTMLElement, name: RegExp) => [...root.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''))!;
const NEW_EN = '_i18n/en/_posts/announcements/2024-03-12-a-better-title.md';
const NEW_DE = '_i18n/de/_posts/announcements/2024-03-12-a-better-title.md';

describe('the rename offer', () => {
  it('appears after a new title is saved, and renames English and German together', async () => {
    const { main, view, moved, renamed, retitle } = await show('/site-a', {
      'git.status': () => ({ ok: true, value: status([{ path: EN }, { path: DE }]) }),
      'post.rename': () => ({ ok: true, value: { paths: [NEW_EN, NEW_DE] } }),
    });
    expect(view.container.textContent).toBe('');
    expect(main.count('git.status')).toBe(0);

    await retitle('A better title');
    expect(view.container.querySelector('section')?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(view.container.textContent).toContain('Rename the file to match the title?');
    expect(view.container.textContent).toContain('2024-03-12-a-better-title.md — English and German together');
    await settle(() => button(view.container, /^Rename the file to 2024-03-12-a-better-title\.md$/).click());
    expect(main.calls.find((c) => c.name === 'post.rename')?.args).toEqual({ site: '/site-a', moves: [{ from: EN, to: NEW_EN }, { from: DE, to: NEW_DE }] });
    expect(moved).toEqual([[EN, NEW_EN], [DE, NEW_DE]]);
    expect(renamed()).toBe(1);
  });

  it('never appears for a committed post, nor on a site without a repository (its files may be what is published)', async () => {
    const committed = await show('/site-b', { 'git.status': () => ({ ok: true, value: status([{ path: DE }]) }) });
    await committed.retitle('A better title');
    expect(committed.main.count('git.status')).toBe(1);
    expect(committed.view.container.textContent).toBe('');

    const noRepo = await show('/site-c', { 'git.status': () => ({ ok: false, error: { code: 'not-a-repo', message: 'no repository' } }) });
    await noRepo.retitle('A better title');
    expect(noRepo.main.count('git.status')).toBe(1);
    expect(noRepo.view.container.textContent).toBe('');
  });

  it('"Keep the name" hides it until the title changes again', async () => {
    const { view, retitle } = await show('/site-d', { 'git.status': () => ({ ok: true, value: status([{ path: EN }, { path: DE }]) }) });
    await retitle('A better title');
    await settle(() => button(view.container, /^Keep the name$/).click());
    expect(view.container.textContent).toBe('');
    await retitle('A better title');
    expect(view.container.textContent).toBe('');
    await retitle('The best title');
    expect(view.container.textContent).toContain('2024-03-12-the-best-title.md');
  });

  it('says in plain words why nothing was renamed, and moves no tab', async () => {
    const { view, moved, renamed, retitle, main } = await show('/site-e', {
      'git.status': () => ({ ok: true, value: status([{ path: EN }, { path: DE }]) }),
      'post.rename': () => ({ ok: false, error: { code: 'exists', message: `${NEW_DE} exists`, path: NEW_DE } }),
    });
    await retitle('A better title');
    await settle(() => button(view.container, /^Rename the file/).click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Nothing was renamed: a file named 2024-03-12-a-better-title.md exists already in _i18n/de/_posts/announcements.',
    );
    main.answers['post.rename'] = () => ({ ok: false, error: { code: 'refused', message: 'committed' } });
    await settle(() => button(view.container, /^Rename the file/).click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('the file is committed already');
    expect(moved).toEqual([]);
    expect(renamed()).toBe(0);
  });
});
