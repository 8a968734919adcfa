// @vitest-environment jsdom
// The branch bar as a user meets it: where the work is (branch or detached commit) and what waits to be sent or got,
// the branch menu with a suggested name checked while typing, and a switch that asks before carrying changes along,
// saves unsaved posts first, and says plainly when it refused and that nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { GitBranches, GitStatus } from '../../../shared/contract/git-models';
import { registerOpenDocuments } from '../../common/open-documents';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { BranchBar } from './branch-bar';
import { button, change, SITE, statusWith, typeInto, withSettings } from './git-testing';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const BRANCHES: GitBranches = {
  current: 'main',
  defaultBranch: 'main',
  local: [
    { name: 'main', current: true, upstream: 'origin/main', ahead: 0, behind: 0 },
    { name: 'feat/old', current: false, upstream: null, ahead: 2, behind: 0 },
  ],
  remoteOnly: ['origin/feat/team'],
};

const ok = <T,>(value: T) => ({ ok: true as const, value });

async function show(main: FakeMain, status: GitStatus, activeSlug?: string) {
  let refreshed = 0;
  const errors: string[] = [];
  const view = await mount(
    main,
    withSettings(<BranchBar site={SITE} status={status} refresh={() => refreshed++} onError={(e) => errors.push(e.code)} activeSlug={activeSlug} />),
  );
  cleanups.push(view.unmount);
  await settle();
  return { view, errors, refreshed: () => refreshed };
}

const text = () => document.body.textContent!.replace(/\s+/g, ' ');
const nameField = () => document.querySelector<HTMLInputElement>('.git-new-branch-form input')!;
const calls = (main: FakeMain) => main.calls.map((c) => c.name);

describe('where the work is', () => {
  it('names the branch and says in words what waits to be sent and got', async () => {
    const { view } = await show(fakeMain(), statusWith([], { upstream: 'origin/main', ahead: 2, behind: 3, remote: { name: 'origin', url: 'https://github.com/a/b.git', webUrl: null, host: 'github' } }));
    expect(view.container.querySelector('.git-branch-name')!.textContent).toBe('main');
    expect(view.container.querySelector('.git-distance')!.textContent).toBe('2 to push · 3 to get');
  });

  it('says "No branch" with the commit on a detached HEAD', async () => {
    const { view } = await show(fakeMain(), statusWith([], { branch: null, detachedAt: 'abc1234' }));
    expect(view.container.querySelector('.git-branch-name')!.textContent).toBe('No branch — at abc1234');
  });

  it('says a branch is not on the server yet when it has no upstream', async () => {
    const { view } = await show(fakeMain(), statusWith([], { remote: { name: 'origin', url: 'https://x/y.git', webUrl: null, host: 'other' } }));
    expect(view.container.querySelector('.git-distance')!.textContent).toBe('Not on the server yet');
  });
});

describe('the branch menu', () => {
  it('lists local branches with the current one marked, and branches only on the server', async () => {
    const main = fakeMain({ 'git.branches': () => ok(BRANCHES) });
    await show(main, statusWith([]));
    await settle(() => button(document.body, 'Branches…').click());
    const items = [...document.querySelectorAll('.git-branch-item')].map((b) => b.textContent);
    expect(items).toEqual(['maincurrentdefault', 'feat/old2 to push', 'feat/teamorigin/feat/team']);
    expect(document.querySelector('[aria-current="true"]')!.textContent).toContain('main');
    expect((document.querySelector('[aria-current="true"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('suggests feat/<slug> of the active post, checks the name while typing and creates the branch from the default one', async () => {
    const main = fakeMain({ 'git.branches': () => ok(BRANCHES), 'git.createBranch': () => ok(statusWith([], { branch: 'feat/launch-day' })) });
    const { refreshed } = await show(main, statusWith([]), 'Launch Day');
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => button(document.body, 'New branch…').click());
    expect(nameField().value).toBe('feat/launch-day');
    const create = button(document.body, 'Create and switch');
    expect(create.disabled).toBe(false);

    await settle(() => typeInto(nameField(), 'feat/launch day'));
    expect(text()).toContain('Git cannot use this name. A branch name cannot contain spaces.');
    expect(create.disabled).toBe(true);
    expect(nameField().getAttribute('aria-invalid')).toBe('true');

    await settle(() => typeInto(nameField(), 'feat/old'));
    expect(text()).toContain('A branch with this name exists already.');
    await settle(() => typeInto(nameField(), 'feat/team'));
    expect(text()).toContain('A branch with this name exists already.');

    await settle(() => typeInto(nameField(), 'feat/launch-day'));
    await settle(() => create.click());
    expect(main.calls.find((c) => c.name === 'git.createBranch')!.args).toEqual({ site: SITE.root, name: 'feat/launch-day' });
    expect(document.querySelector('dialog')).toBeNull();
    expect(refreshed()).toBe(1);
  });

  it('takes the suggestion from the open documents when the panel passes no slug', async () => {
    cleanups.push(registerOpenDocuments(SITE.root, { unsavedPaths: () => [], saveAll: async () => true, activePath: () => '_posts/2024-05-01-board-meeting.md' }));
    await show(fakeMain({ 'git.branches': () => ok(BRANCHES) }), statusWith([]));
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => button(document.body, 'New branch…').click());
    expect(nameField().value).toBe('feat/board-meeting');
  });

  it('switches at once when nothing would come along, and makes a server-only branch local by its own name', async () => {
    const main = fakeMain({ 'git.branches': () => ok(BRANCHES), 'git.switchBranch': () => ok(statusWith([], { branch: 'feat/team' })) });
    await show(main, statusWith([]));
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => (document.querySelectorAll('.git-branch-item')[2] as HTMLButtonElement).click());
    expect(main.calls.find((c) => c.name === 'git.switchBranch')!.args).toEqual({ site: SITE.root, name: 'feat/team' });
    expect(document.querySelector('dialog')).toBeNull();
  });
});

describe('switching with changes', () => {
  it('asks first; "Stay on main" changes nothing', async () => {
    const main = fakeMain({ 'git.branches': () => ok(BRANCHES) });
    await show(main, statusWith([change('_posts/a.md', 'changed'), change('_posts/b.md', 'new')]));
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => (document.querySelectorAll('.git-branch-item')[1] as HTMLButtonElement).click());
    expect(text()).toContain('Switch to feat/old?');
    expect(text()).toContain('2 files have changes that are not committed.');
    await settle(() => button(document.body, 'Stay on main').click());
    expect(calls(main)).not.toContain('git.switchBranch');
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('saves unsaved posts first when the user takes the changes along, then switches', async () => {
    const order: string[] = [];
    let unsaved = ['_posts/a.md'];
    cleanups.push(
      registerOpenDocuments(SITE.root, {
        unsavedPaths: () => unsaved,
        saveAll: async () => {
          order.push('save');
          unsaved = [];
          return true;
        },
        activePath: () => null,
      }),
    );
    const main = fakeMain({
      'git.branches': () => ok(BRANCHES),
      'git.switchBranch': () => {
        order.push('switch');
        return ok(statusWith([], { branch: 'feat/old' }));
      },
    });
    await show(main, statusWith([]));
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => (document.querySelectorAll('.git-branch-item')[1] as HTMLButtonElement).click());
    expect(text()).toContain('1 open post has unsaved edits.');
    await settle(() => button(document.body, 'Take my changes to feat/old').click());
    expect(order).toEqual(['save', 'switch']);
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('does not switch when the posts could not be saved, and says so', async () => {
    cleanups.push(registerOpenDocuments(SITE.root, { unsavedPaths: () => ['_posts/a.md'], saveAll: async () => false, activePath: () => null }));
    const main = fakeMain({ 'git.branches': () => ok(BRANCHES) });
    await show(main, statusWith([]));
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => (document.querySelectorAll('.git-branch-item')[1] as HTMLButtonElement).click());
    await settle(() => button(document.body, 'Take my changes to feat/old').click());
    expect(calls(main)).not.toContain('git.switchBranch');
    expect(text()).toContain('Some edits could not be saved, so Pressroom did not switch.');
  });

  it('lists the files a refused switch would have overwritten and says nothing changed', async () => {
    const main = fakeMain({
      'git.branches': () => ok(BRANCHES),
      'git.switchBranch': () => ({ ok: false, error: { code: 'conflict', message: 'would overwrite', paths: ['_posts/a.md', 'about.md'] } }),
    });
    const { errors } = await show(main, statusWith([change('_posts/a.md', 'changed')]));
    await settle(() => button(document.body, 'Branches…').click());
    await settle(() => (document.querySelectorAll('.git-branch-item')[1] as HTMLButtonElement).click());
    await settle(() => button(document.body, 'Take my changes to feat/old').click());
    expect(text()).toContain('Could not switch to feat/old');
    expect(text()).toContain('Pressroom did not switch, and nothing was changed or lost.');
    expect([...document.querySelectorAll('.git-path-list li')].map((li) => li.textContent)).toEqual(['_posts/a.md', 'about.md']);
    expect(errors).toEqual([]);
    await settle(() => button(document.body, 'OK').click());
    expect(document.querySelector('dialog')).toBeNull();
  });
});
