// @vitest-environment jsdom
// The site screen's sidebar has two tabs, Posts and Changes (named with the number of changed files); choosing a
// changed file shows its diff in place of the open posts, which stay as they were, and Back returns to them.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import { stubTextLayout } from '../../common/compare/compare-testing';
import { fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { button, change, SITE, statusWith, withSettings } from '../../features/git/git-testing';
import { SiteScreen } from './site-screen';

stubTextLayout();
const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

const POST: PostEntry = {
  path: '_posts/2024-05-01-launch.md',
  title: 'Launch',
  date: '2024-05-01',
  dateSource: 'front-matter',
  slug: 'launch',
  language: null,
  category: null,
  categories: [],
  layout: 'post',
  draft: false,
  symlinkTarget: null,
  symlinkLanguage: null,
  error: null,
  size: 120,
};

async function showScreen() {
  let changes = [change(POST.path, 'changed'), change('assets/a.png', 'new'), change('about.md', 'deleted')];
  const main = fakeMain({
    'site.posts': () => ({ ok: true, value: [POST] }),
    'session.get': () => ({ ok: true, value: null }),
    'session.put': () => ({ ok: true, value: null }),
    'recovery.list': () => ({ ok: true, value: [] }),
    'git.status': () => ({ ok: true, value: statusWith(changes) }),
    'git.diff': () => ({ ok: true, value: { path: POST.path, oldPath: null, before: { kind: 'text', text: 'old\n' }, after: { kind: 'text', text: 'new\n' } } }),
  });
  const view = await mount(main, withSettings(<SiteScreen site={SITE} onClose={() => undefined} onOpenSettings={() => undefined} />));
  mounted.push(view);
  await settle();
  return { main, view, setChanges: (next: typeof changes) => void (changes = next) };
}

const tabs = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[role="tab"]')];

describe('the sidebar’s tabs', () => {
  it('shows Posts first and Changes with the number of changed files, as proper tabs a keyboard can move between', async () => {
    const { view } = await showScreen();
    const list = view.container.querySelector('[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).toBe('Sidebar');
    const [posts, changes] = tabs(view.container);
    expect(posts.textContent).toBe('Posts');
    expect(changes.getAttribute('aria-label')).toBe('Changes, 3 files');
    expect(changes.textContent).toBe('Changes3');
    expect([posts.getAttribute('aria-selected'), changes.getAttribute('aria-selected')]).toEqual(['true', 'false']);
    expect([posts.tabIndex, changes.tabIndex]).toEqual([0, -1]);
    const panel = (tab: HTMLElement) => document.getElementById(tab.getAttribute('aria-controls')!)!;
    expect(panel(posts).hidden).toBe(false);
    expect(panel(posts).getAttribute('role')).toBe('tabpanel');
    expect(panel(changes).hidden).toBe(true);
    expect(view.container.querySelector('[role="listbox"]')!.getAttribute('aria-label')).toBe('Posts');

    posts.focus();
    await act(async () => posts.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(changes.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(changes);
    expect(panel(changes).hidden).toBe(false);
    expect(panel(posts).hidden).toBe(true);
    await act(async () => changes.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
    expect(posts.getAttribute('aria-selected')).toBe('true');
  });

  it('shows a changed file’s diff in place of the posts, keeps the open posts hidden meanwhile, and goes back', async () => {
    const { view } = await showScreen();
    await act(async () => tabs(view.container)[1].click());
    const open = view.container.querySelector<HTMLButtonElement>(`[data-change-path="${POST.path}"]`)!;
    await act(async () => open.click());
    await settle();
    const pane = view.container.querySelector('.document-pane')!;
    expect(pane.querySelector('section.diff-view')!.getAttribute('aria-label')).toBe('Changes in 2024-05-01-launch.md');
    expect(pane.querySelector<HTMLElement>('.document-slot')!.hidden).toBe(true);
    expect(open.getAttribute('aria-current')).toBe('true');
    await act(async () => button(view.container, 'Close the comparison').click());
    expect(pane.querySelector('section.diff-view')).toBeNull();
    expect(pane.querySelector<HTMLElement>('.document-slot')!.hidden).toBe(false);
    expect(document.activeElement).toBe(open);
  });

  it('opens the post behind a changed file from its diff, in place of the diff', async () => {
    const { view } = await showScreen();
    await act(async () => tabs(view.container)[1].click());
    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-change-path="about.md"]')!.click());
    await settle();
    expect([...view.container.querySelectorAll('.diff-head button')].map((b) => b.textContent)).not.toContain('Open to edit');
    await act(async () => view.container.querySelector<HTMLButtonElement>(`[data-change-path="${POST.path}"]`)!.click());
    await settle();
    await act(async () => button(view.container, 'Open to edit').click());
    await settle();
    expect(view.container.querySelector('section.diff-view')).toBeNull();
    expect(view.container.querySelector('[role="tablist"][aria-label="Open posts"]')!.textContent).toContain('2024-05-01-launch.md');
  });

  it('leaves the diff when the file is no longer changed (after a commit) and does not bring it back later', async () => {
    const { main, view, setChanges } = await showScreen();
    await act(async () => tabs(view.container)[1].click());
    await act(async () => view.container.querySelector<HTMLButtonElement>(`[data-change-path="${POST.path}"]`)!.click());
    await settle();
    expect(view.container.querySelector('section.diff-view')).not.toBeNull();
    setChanges([change('about.md', 'deleted')]);
    await settle(() => main.emit('git.changed', { site: SITE.root }));
    expect(view.container.querySelector('section.diff-view')).toBeNull();
    expect(tabs(view.container)[1].getAttribute('aria-label')).toBe('Changes, 1 file');
    setChanges([change(POST.path, 'changed')]);
    await settle(() => main.emit('git.changed', { site: SITE.root }));
    expect(view.container.querySelector('section.diff-view')).toBeNull();
  });
});
