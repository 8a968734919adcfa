// @vitest-environment jsdom
// What changed in one file, as the user sees it beside the list: a text as "Last commit" and "Now" side by side or
// in one column, a new or deleted file said in words, pictures before and after with their sizes, anything else
// as a sentence; asked again when the status changes, but only a real change replaces what is shown.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GitChange, GitDiff } from '../../../shared/contract/git-models';
import { stubTextLayout } from '../../common/compare/compare-testing';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { DiffView } from './diff-view';
import { button, change, SITE } from './git-testing';

stubTextLayout();
const mounted: Array<{ unmount(): Promise<void> }> = [];
const made: string[] = [];
const revoked: string[] = [];
beforeEach(() => {
  made.length = 0;
  revoked.length = 0;
  URL.createObjectURL = vi.fn(() => `blob:pic-${made.push('x')}`);
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
});
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

const POST = '_posts/2024-05-01-launch.md';

function diffAnswer(diff: GitDiff) {
  return () => ({ ok: true as const, value: diff });
}

async function show(main: FakeMain, c: GitChange, refreshKey: unknown = 1, onClose = () => undefined) {
  const view = await mount(main, <DiffView site={SITE.root} change={c} sitePrefix="" refreshKey={refreshKey} onClose={onClose} />);
  mounted.push(view);
  await settle();
  const shadow = () => view.container.querySelector('.compare-host')?.shadowRoot ?? null;
  const editorText = (name: string) => shadow()!.querySelector(`.cm-editor[aria-label="${name}"] .cm-content`)?.textContent ?? null;
  return { view, shadow, editorText };
}

describe('the diff of a text file', () => {
  const diff: GitDiff = { path: POST, oldPath: null, before: { kind: 'text', text: 'Title\nold line\n' }, after: { kind: 'text', text: 'Title\nnew line\n' } };

  it('shows the last commit and now side by side under those names, with the file named in the heading', async () => {
    const main = fakeMain({ 'git.diff': diffAnswer(diff) });
    const { view, editorText } = await show(main, change(POST, 'changed'));
    expect(main.calls.find((c) => c.name === 'git.diff')!.args).toEqual({ site: SITE.root, path: POST });
    expect(view.container.querySelector('h2.diff-title')!.textContent).toBe('2024-05-01-launch.md_posts/changed');
    expect([...view.container.querySelectorAll('.compare-head')].map((h) => h.textContent)).toEqual(['Last commit', 'Now']);
    expect(editorText('Last commit')).toContain('old line');
    expect(editorText('Now')).toContain('new line');
    expect(view.container.querySelector('.compare-summary')!.textContent).toBe('1 place differs.');
    expect(view.container.querySelector('section.diff-view')!.getAttribute('aria-label')).toBe('Changes in 2024-05-01-launch.md');
  });

  it('switches to one column with the removed line above the added one, and back', async () => {
    const { view, shadow } = await show(fakeMain({ 'git.diff': diffAnswer(diff) }), change(POST, 'changed'));
    const oneColumn = button(view.container, 'One column');
    expect(oneColumn.getAttribute('aria-pressed')).toBe('false');
    await act(async () => oneColumn.click());
    expect(oneColumn.getAttribute('aria-pressed')).toBe('true');
    const editors = shadow()!.querySelectorAll('.cm-editor');
    expect(editors).toHaveLength(1);
    expect(editors[0].classList.contains('cm-merge-unified')).toBe(true);
    expect(shadow()!.querySelector('.cm-deletedChunk')!.textContent).toContain('old line');
    expect(editors[0].querySelector('.cm-content')!.textContent).toContain('new line');
    expect(editors[0].querySelector('.cm-content')!.getAttribute('contenteditable')).toBe('false');
    await act(async () => button(view.container, 'Side by side').click());
    expect(shadow()!.querySelectorAll('.cm-editor')).toHaveLength(2);
  });

  it('says when a file is new or was deleted and shows its one side in one column', async () => {
    const created = await show(fakeMain({ 'git.diff': diffAnswer({ path: 'a.md', oldPath: null, before: null, after: { kind: 'text', text: 'hello\n' } }) }), change('a.md', 'new'));
    expect(created.view.container.querySelector('.diff-note')!.textContent).toBe('This file is new: it is not in the last commit.');
    expect(created.editorText('Changes in a.md')).toContain('hello');
    expect(created.shadow()!.querySelectorAll('.cm-editor')).toHaveLength(1);
    expect(created.view.container.querySelector('.diff-layout')).toBeNull();
    const gone = await show(fakeMain({ 'git.diff': diffAnswer({ path: 'b.md', oldPath: null, before: { kind: 'text', text: 'bye\n' }, after: null }) }), change('b.md', 'deleted'));
    expect(gone.view.container.querySelector('.diff-note')!.textContent).toBe('This file was deleted: it is only in the last commit.');
  });

  it('asks again when the status was read again but keeps the view unless the file really changed', async () => {
    let now = diff;
    const main = fakeMain({ 'git.diff': () => ({ ok: true, value: now }) });
    const { view, shadow, editorText } = await show(main, change(POST, 'changed'), 1);
    const first = shadow()!.querySelector('.cm-editor');
    await view.render(<DiffView site={SITE.root} change={change(POST, 'changed')} sitePrefix="" refreshKey={2} onClose={() => undefined} />);
    await settle();
    expect(main.count('git.diff')).toBe(2);
    expect(shadow()!.querySelector('.cm-editor')).toBe(first);
    now = { ...diff, after: { kind: 'text', text: 'Title\nnewer line\n' } };
    await view.render(<DiffView site={SITE.root} change={change(POST, 'changed')} sitePrefix="" refreshKey={3} onClose={() => undefined} />);
    await settle();
    expect(editorText('Now')).toContain('newer line');
  });

  it('goes back with its Back button or Escape', async () => {
    let closed = 0;
    const { view } = await show(fakeMain({ 'git.diff': diffAnswer(diff) }), change(POST, 'changed'), 1, () => void closed++);
    await act(async () => button(view.container, 'Close the comparison').click());
    expect(closed).toBe(1);
    await act(async () => button(view.container, 'One column').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(closed).toBe(2);
  });

  it('shows why the diff could not be read', async () => {
    const { view } = await show(fakeMain({ 'git.diff': () => ({ ok: false, error: { code: 'not-readable', message: 'permission denied' } }) }), change(POST, 'changed'));
    expect(view.container.querySelector('[role="alert"]')!.textContent).toContain('Pressroom is not allowed to read this.');
  });
});

describe('the diff of other files', () => {
  it('puts a picture before and after side by side with their sizes, and lets go of them when it closes', async () => {
    const png = (bytes: number) => ({ kind: 'image' as const, mime: 'image/png', base64: btoa('x'), size: bytes });
    const { view } = await show(fakeMain({ 'git.diff': diffAnswer({ path: 'assets/logo.png', oldPath: null, before: png(2048), after: png(3 * 1024 * 1024) }) }), change('assets/logo.png', 'changed'));
    const figures = [...view.container.querySelectorAll('figure.diff-picture')];
    expect(figures.map((f) => f.querySelector('figcaption')!.textContent)).toEqual(['Last commit2 KB', 'Now3 MB']);
    expect(figures.map((f) => f.querySelector('img')!.getAttribute('alt'))).toEqual(['logo.png (Last commit)', 'logo.png (Now)']);
    expect(view.container.querySelector('.diff-layout')).toBeNull();
    await view.unmount();
    mounted.length = 0;
    expect(revoked.sort()).toEqual(['blob:pic-1', 'blob:pic-2']);
  });

  it('shows a new picture next to an empty place', async () => {
    const { view } = await show(
      fakeMain({ 'git.diff': diffAnswer({ path: 'a.png', oldPath: null, before: null, after: { kind: 'image', mime: 'image/png', base64: btoa('x'), size: 10 } }) }),
      change('a.png', 'new'),
    );
    expect([...view.container.querySelectorAll('.diff-picture-frame')].map((f) => f.textContent)).toEqual(['No picture', '']);
  });

  it('says in a sentence that other files cannot be compared here, with their sizes', async () => {
    const binary = await show(fakeMain({ 'git.diff': diffAnswer({ path: 'a.pdf', oldPath: null, before: { kind: 'binary', size: 900 }, after: { kind: 'binary', size: 1500 } }) }), change('a.pdf', 'changed'));
    expect(binary.view.container.querySelector('.diff-body')!.textContent).toBe('This file is not text or a picture, so its changes cannot be shown here.Last commit: 900 B · Now: 1 KB');
    const big = await show(fakeMain({ 'git.diff': diffAnswer({ path: 'b.md', oldPath: null, before: null, after: { kind: 'too-large', size: 40 * 1024 * 1024 } }) }), change('b.md', 'new'));
    expect(big.view.container.querySelector('.diff-body')!.textContent).toBe('This file is too large to compare here.Last commit: none · Now: 40 MB');
  });
});
