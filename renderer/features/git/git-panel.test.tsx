// @vitest-environment jsdom
// The Changes tab as a user meets it: each changed file with its kind in words, its name and dimmed folder, a box to
// include it (ticked, empty, or half for "partly"), conflicts flagged; clicks include files at once; a folder without
// history offers to start it only after a second "yes"; and the list follows changes on disk and a return to the window.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GitStatus } from '../../../shared/contract/git-models';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { GitPanel } from './git-panel';
import { button, change, checkbox, SITE, statusWith, withSettings } from './git-testing';
import { useGitStatus } from './use-git-status';

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

function Panel({ onSelect = () => undefined, selected = null }: { onSelect?(path: string): void; selected?: string | null }) {
  const git = useGitStatus(SITE.root);
  return <GitPanel site={SITE} git={git} selectedPath={selected} onSelect={onSelect} />;
}

async function show(main: FakeMain, props: Parameters<typeof Panel>[0] = {}) {
  const view = await mount(main, withSettings(<Panel {...props} />));
  mounted.push(view);
  await settle();
  return view;
}

const rows = (root: HTMLElement) => [...root.querySelectorAll('.git-change')].map((li) => li.querySelector('.git-change-open')!.textContent!.replace(/\s+/g, ' ').trim());

describe('the list of changes', () => {
  it('names each file by its name with the folder beside it and says the kind of change in words', async () => {
    const status = statusWith([
      change('_posts/2024-05-01-launch.md', 'changed', { staged: 'yes' }),
      change('_posts/2024-06-01-new.md', 'new'),
      change('assets/old.png', 'deleted', { staged: 'partly' }),
      change('_posts/2024-07-01-b.md', 'renamed', { oldPath: '_posts/2024-07-01-a.md' }),
    ]);
    const view = await show(fakeMain({ 'git.status': () => ({ ok: true, value: status }) }));
    expect(rows(view.container)).toEqual([
      '2024-05-01-launch.md_posts/changed',
      '2024-06-01-new.md_posts/new',
      'old.pngassets/deleted',
      '2024-07-01-b.md_posts/was _posts/2024-07-01-a.mdrenamed',
    ]);
    expect(view.container.querySelector('.git-change-folder')!.textContent).toBe('_posts/');
    expect(view.container.querySelector('.git-changes-count')!.textContent).toBe('4 changed files');
    expect(checkbox(view.container, 'Include 2024-05-01-launch.md in commit').checked).toBe(true);
    expect(checkbox(view.container, 'Include 2024-06-01-new.md in commit').checked).toBe(false);
    const partly = checkbox(view.container, 'Include old.png in commit');
    expect([partly.checked, partly.indeterminate]).toEqual([false, true]);
    expect(checkbox(view.container, 'Include all').indeterminate).toBe(true);
  });

  it('shows paths inside the site without the site’s folder when the repository is above it', async () => {
    const status = statusWith([change('site/_posts/a.md', 'changed'), change('README.md', 'changed')], { sitePrefix: 'site/' });
    const view = await show(fakeMain({ 'git.status': () => ({ ok: true, value: status }) }));
    expect(rows(view.container)).toEqual(['a.md_posts/changed', 'README.mdchanged']);
  });

  it('flags a conflicted file, explains it, and keeps it out of the commit until it is resolved', async () => {
    const status = statusWith([change('_posts/a.md', 'changed', { conflicted: true }), change('_posts/b.md', 'changed')], { operation: 'merge' });
    const view = await show(fakeMain({ 'git.status': () => ({ ok: true, value: status }) }));
    const li = view.container.querySelector('.git-change.is-conflicted')!;
    expect(li.textContent).toContain('conflict');
    const box = checkbox(view.container, 'Include a.md in commit');
    expect(box.disabled).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toContain('choose which text to keep');
    expect(view.container.querySelector('.git-changes-note')!.textContent).toContain('1 file has conflicting changes from the server');
    expect(view.container.querySelector('.git-commit-why')!.textContent).toBe('Resolve the conflicts first.');
  });

  it('includes a file at the first click and takes the status main answers with', async () => {
    let answer: (v: { ok: true; value: GitStatus }) => void = () => undefined;
    const main = fakeMain({
      'git.status': () => ({ ok: true, value: statusWith([change('_posts/a.md', 'changed'), change('_posts/b.md', 'new')]) }),
      'git.stage': () => new Promise((resolve) => (answer = resolve)),
    });
    const view = await show(main);
    const box = checkbox(view.container, 'Include a.md in commit');
    await act(async () => box.click());
    expect(main.calls.find((c) => c.name === 'git.stage')!.args).toEqual({ site: SITE.root, paths: ['_posts/a.md'] });
    expect(box.checked).toBe(true);
    await settle(() => answer({ ok: true, value: statusWith([change('_posts/a.md', 'changed', { staged: 'yes' }), change('_posts/b.md', 'new')]) }));
    expect(checkbox(view.container, 'Include a.md in commit').checked).toBe(true);
    expect(view.container.querySelector('.git-commit-why')!.textContent).toBe('Write a summary first.');
  });

  it('“Include all” includes every file not yet included, and a second click takes them all out', async () => {
    let staged = false;
    const now = () => statusWith([change('a.md', 'changed', { staged: staged ? 'yes' : 'no' }), change('b.md', 'new', { staged: staged ? 'yes' : 'partly' })]);
    const main = fakeMain({
      'git.status': () => ({ ok: true, value: now() }),
      'git.stage': () => ((staged = true), { ok: true, value: now() }),
      'git.unstage': () => ((staged = false), { ok: true, value: now() }),
    });
    const view = await show(main);
    await act(async () => checkbox(view.container, 'Include all').click());
    await settle();
    expect(main.calls.find((c) => c.name === 'git.stage')!.args.paths).toEqual(['a.md', 'b.md']);
    expect(checkbox(view.container, 'Include all').checked).toBe(true);
    await act(async () => checkbox(view.container, 'Include all').click());
    await settle();
    expect(main.calls.find((c) => c.name === 'git.unstage')!.args.paths).toEqual(['a.md', 'b.md']);
    expect(checkbox(view.container, 'Include all').checked).toBe(false);
  });

  it('shows why including failed and puts the box back as main has it', async () => {
    const main = fakeMain({
      'git.status': () => ({ ok: true, value: statusWith([change('a.md', 'changed')]) }),
      'git.stage': () => ({ ok: false, error: { code: 'busy', message: 'index.lock exists' } }),
    });
    const view = await show(main);
    await act(async () => checkbox(view.container, 'Include a.md in commit').click());
    await settle();
    expect(view.container.querySelector('[role="alert"]')!.textContent).toContain('index.lock exists');
    expect(checkbox(view.container, 'Include a.md in commit').checked).toBe(false);
  });

  it('opens a file’s changes when its name is clicked and marks it as the one shown', async () => {
    const opened: string[] = [];
    const view = await show(fakeMain({ 'git.status': () => ({ ok: true, value: statusWith([change('_posts/a.md', 'changed')]) }) }), { onSelect: (p) => opened.push(p), selected: '_posts/a.md' });
    const open = view.container.querySelector<HTMLButtonElement>('.git-change-open')!;
    expect(open.getAttribute('aria-current')).toBe('true');
    await act(async () => open.click());
    expect(opened).toEqual(['_posts/a.md']);
  });

  it('says so when nothing changed since the last commit', async () => {
    const view = await show(fakeMain({ 'git.status': () => ({ ok: true, value: statusWith([]) }) }));
    expect(view.container.querySelector('.git-empty')!.textContent).toBe('No changes since the last commit.');
    expect(view.container.querySelector('.git-commit-why')!.textContent).toBe('Include at least one file first.');
  });
});

describe('following the repository', () => {
  it('asks again when main says this site’s repository changed, or the window gets the focus back, not for another site', async () => {
    let changes = [change('a.md', 'changed')];
    const main = fakeMain({ 'git.status': () => ({ ok: true, value: statusWith(changes) }) });
    const view = await show(main);
    expect(main.count('git.status')).toBe(1);
    await settle(() => main.emit('git.changed', { site: '/sites/other' }));
    expect(main.count('git.status')).toBe(1);
    changes = [change('a.md', 'changed'), change('b.md', 'new')];
    await settle(() => main.emit('git.changed', { site: SITE.root }));
    expect(main.count('git.status')).toBe(2);
    expect(rows(view.container)).toHaveLength(2);
    await settle(() => window.dispatchEvent(new Event('focus')));
    expect(main.count('git.status')).toBe(3);
  });

  it('asks once more, not once per event, when a burst of changes arrives while it is asking', async () => {
    const pending: Array<() => void> = [];
    const main = fakeMain({ 'git.status': () => new Promise((resolve) => pending.push(() => resolve({ ok: true, value: statusWith([]) }))) });
    await show(main);
    await settle(() => {
      for (let i = 0; i < 5; i++) main.emit('git.changed', { site: SITE.root });
    });
    expect(main.count('git.status')).toBe(1);
    await settle(() => pending.shift()!());
    expect(main.count('git.status')).toBe(2);
    await settle(() => pending.shift()!());
    expect(main.count('git.status')).toBe(2);
  });

  it('keeps an include that main confirmed while an older status read was still on its way', async () => {
    const reads: Array<() => void> = [];
    const main = fakeMain({
      'git.status': () => new Promise((resolve) => reads.push(() => resolve({ ok: true, value: statusWith([change('a.md', 'changed')]) }))),
      'git.stage': () => ({ ok: true, value: statusWith([change('a.md', 'changed', { staged: 'yes' })]) }),
    });
    const view = await show(main);
    await settle(() => reads.shift()!());
    await settle(() => main.emit('git.changed', { site: SITE.root }));
    await act(async () => checkbox(view.container, 'Include a.md in commit').click());
    await settle();
    await settle(() => reads.shift()!());
    expect(checkbox(view.container, 'Include a.md in commit').checked).toBe(true);
  });

    it('offers to try again when the status cannot be read', async () => {
    let fail = true;
    const main = fakeMain({ 'git.status': () => (fail ? { ok: false, error: { code: 'io', message: 'disk gone' } } : { ok: true, value: statusWith([]) }) });
    const view = await show(main);
    expect(view.container.querySelector('[role="alert"]')!.textContent).toContain('disk gone');
    fail = false;
    await act(async () => button(view.container, 'Try again').click());
    await settle();
    expect(view.container.querySelector('.git-empty')).not.toBeNull();
  });
});

describe('a site without history', () => {
  it('explains, asks before starting, and starts only after the user confirms', async () => {
    const main = fakeMain({
      'git.status': () => ({ ok: false, error: { code: 'not-a-repo', message: 'no .git' } }),
      'git.init': () => ({ ok: true, value: statusWith([change('_config.yml', 'new')], { hasCommits: false }) }),
    });
    const view = await show(main);
    expect(view.container.querySelector('[role="alert"] .alert')).toBeNull();
    expect(view.container.textContent).toContain('No history kept yet');
    await act(async () => button(view.container, 'Start keeping history').click());
    const dialog = document.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Start keeping the history of Press?');
    expect(dialog.textContent).toContain('hidden “.git” folder');
    await act(async () => button(view.container, 'Cancel').click());
    expect(document.querySelector('dialog')).toBeNull();
    expect(main.count('git.init')).toBe(0);

    await act(async () => button(view.container, 'Start keeping history').click());
    await act(async () => button(view.container, 'Start').click());
    await settle();
    expect(main.calls.find((c) => c.name === 'git.init')!.args).toEqual({ site: SITE.root });
    expect(rows(view.container)).toEqual(['_config.ymlnew']);
  });
});
