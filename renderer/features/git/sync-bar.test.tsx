// @vitest-environment jsdom
// The sync bar as a user meets it: "Get latest" and "Send"/"Publish branch"; both sides with new commits asks before
// merging; conflicts are listed with a way back; offline is calm; unsigned commits are offered a sign-off; a refused
// push offers "Get latest"; a sent branch offers its pull request; and a sign-in is asked for, then tried once more.
import { afterEach, describe, expect, it } from 'vitest';
import type { GitPullResult, GitPushResult, GitRemote, GitStatus } from '../../../shared/contract/git-models';
import type { AppError } from '../../../shared/contract/errors';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { button, change, SETTINGS, SITE, statusWith, typeInto, withSettings } from './git-testing';
import { SyncBar } from './sync-bar';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ORIGIN: GitRemote = { name: 'origin', url: 'https://github.com/press/site.git', webUrl: 'https://github.com/press/site', host: 'github' };
const PUBLISHED = statusWith([], { branch: 'feat/launch', upstream: 'origin/feat/launch', ahead: 1, remote: ORIGIN });
const SENT: GitPushResult = { branch: 'feat/launch', remote: 'origin', setUpstream: false, pullRequestUrl: 'https://github.com/press/site/compare/main...feat/launch?expand=1' };
const KNOWN = { host: 'github.com', username: 'erika', protection: 'os' as const };
const ok = <T,>(value: T) => ({ ok: true as const, value });
const fail = (error: AppError) => ({ ok: false as const, error });

async function show(main: FakeMain, status: GitStatus = PUBLISHED, signOff = true) {
  let refreshed = 0;
  const errors: string[] = [];
  const view = await mount(
    main,
    withSettings(<SyncBar site={SITE} status={status} refresh={() => refreshed++} onError={(e) => errors.push(e.code)} />, { ...SETTINGS, signOffCommits: signOff }),
  );
  cleanups.push(view.unmount);
  await settle();
  return { view, errors, refreshed: () => refreshed };
}

const text = () => document.body.textContent!.replace(/\s+/g, ' ');
const names = (main: FakeMain) => main.calls.map((c) => c.name);
const pullWith = (...results: GitPullResult[]) => {
  const queue = [...results];
  return () => ok(queue.shift()!);
};

describe('the buttons', () => {
  it('says "Send" for a published branch and "Publish branch" for a new one', async () => {
    await show(fakeMain(), PUBLISHED);
    expect(button(document.body, 'Send').title).toBe('Send your commits to origin/feat/launch');
    await cleanups.pop()!();
    await show(fakeMain(), statusWith([], { branch: 'feat/new', remote: ORIGIN }));
    expect(button(document.body, 'Publish branch')).toBeTruthy();
    expect(button(document.body, 'Get latest').disabled).toBe(true);
  });

  it('has nothing to send when the server has every commit', async () => {
    await show(fakeMain(), { ...PUBLISHED, ahead: 0 });
    expect(button(document.body, 'Send').disabled).toBe(true);
    expect(button(document.body, 'Send').title).toBe('Nothing to send: the server has all your commits.');
  });

  it('says why nothing can be sent when the site has no server', async () => {
    await show(fakeMain(), statusWith([]));
    expect(text()).toContain('This site has no server to send to.');
    expect(button(document.body, 'Publish branch').disabled).toBe(true);
    expect(button(document.body, 'Get latest').disabled).toBe(true);
  });
});

describe('Get latest', () => {
  it('tells how many commits came', async () => {
    const main = fakeMain({ 'git.pull': pullWith({ kind: 'fast-forward', commits: 3 }) });
    const { refreshed } = await show(main);
    await settle(() => button(document.body, 'Get latest').click());
    expect(text()).toContain('Got 3 new commits.');
    expect(refreshed()).toBe(1);
  });

  it('asks before combining when both sides have new commits; "Not now" leaves everything', async () => {
    const main = fakeMain({ 'git.pull': pullWith({ kind: 'diverged', ahead: 1, behind: 2 }, { kind: 'diverged', ahead: 1, behind: 2 }, { kind: 'merged', commits: 2 }) });
    await show(main);
    await settle(() => button(document.body, 'Get latest').click());
    expect(text()).toContain('Both you and the server have new commits');
    expect(text()).toContain('You have 1 commit that the server does not have, and the server has 2 commits that you do not have.');
    await settle(() => button(document.body, 'Not now').click());
    expect(document.querySelector('dialog')).toBeNull();
    expect(names(main).filter((n) => n === 'git.pull')).toHaveLength(1);

    await settle(() => button(document.body, 'Get latest').click());
    await settle(() => button(document.body, 'Combine them (merge)').click());
    expect(main.calls.filter((c) => c.name === 'git.pull').map((c) => c.args.merge)).toEqual([undefined, undefined, true]);
    expect(text()).toContain('Combined 2 new commits with yours.');
  });

  it('lists conflicting files, explains how to finish, and can undo the pull', async () => {
    const main = fakeMain({ 'git.pull': pullWith({ kind: 'conflict', paths: ['_posts/2024-05-01-launch.md'] }), 'git.abortMerge': () => ok(PUBLISHED) });
    await show(main);
    await settle(() => button(document.body, 'Get latest').click());
    expect(text()).toContain('Some files were changed on both sides');
    expect(document.querySelector('.git-path-list')!.textContent).toBe('_posts/2024-05-01-launch.md');
    expect(text()).toContain('keep the text you want and delete the marker lines');
    expect(text()).toContain('Then commit.');
    await settle(() => button(document.body, 'Undo the pull').click());
    expect(names(main)).toContain('git.abortMerge');
    expect(text()).toContain('The pull was undone. Everything is as it was before.');
  });

  it('shows an unfinished pull with its way back, and blocks sending until it is finished', async () => {
    const main = fakeMain({ 'git.abortMerge': () => ok(PUBLISHED) });
    await show(main, { ...PUBLISHED, operation: 'merge', changes: [change('_posts/a.md', 'changed', { conflicted: true })] });
    expect(text()).toContain('A pull is unfinished until the files marked as conflicts are fixed and committed.');
    expect(button(document.body, 'Send').disabled).toBe(true);
    await settle(() => button(document.body, 'Undo the pull').click());
    expect(names(main)).toContain('git.abortMerge');
  });

  it('stays calm when offline: nothing is lost', async () => {
    const main = fakeMain({ 'git.pull': () => fail({ code: 'unreachable', message: 'ENOTFOUND github.com' }) });
    const { errors } = await show(main);
    await settle(() => button(document.body, 'Get latest').click());
    expect(text()).toContain('The server cannot be reached right now. Nothing is lost');
    expect(errors).toEqual([]);
  });
});

describe('Send', () => {
  const sending = (extra: Partial<Record<string, () => unknown>> = {}) =>
    fakeMain({
      'git.unsignedCommits': () => ok([{ oid: 'a1', summary: 'Launch text', authorName: 'Erika', authorEmail: 'e@x.org', date: '2024-05-01T10:00:00Z' }]),
      'git.addSignOff': () => ok({ rewritten: 1 }),
      'git.credentials': () => ok(KNOWN),
      'git.push': () => ok(SENT),
      ...(extra as object),
    });

  it('offers a sign-off for unsigned commits; "Add sign-off and send" signs, then sends', async () => {
    const main = sending();
    await show(main);
    await settle(() => button(document.body, 'Send').click());
    expect(text()).toContain('A commit is not signed off');
    expect(document.querySelector('.git-commit-list')!.textContent).toContain('Launch text');
    expect(names(main)).not.toContain('git.push');
    await settle(() => button(document.body, 'Add sign-off and send').click());
    expect(names(main).filter((n) => n === 'git.addSignOff' || n === 'git.push')).toEqual(['git.addSignOff', 'git.push']);
    expect(text()).toContain('Sent to origin/feat/launch.');
  });

  it('"Send anyway" sends without signing; "Cancel" sends nothing', async () => {
    const main = sending();
    await show(main);
    await settle(() => button(document.body, 'Send').click());
    await settle(() => button(document.body, 'Cancel').click());
    expect(names(main)).not.toContain('git.push');
    await settle(() => button(document.body, 'Send').click());
    await settle(() => button(document.body, 'Send anyway').click());
    expect(names(main)).toContain('git.push');
    expect(names(main)).not.toContain('git.addSignOff');
  });

  it('does not check sign-offs when the setting is off', async () => {
    const main = sending();
    await show(main, PUBLISHED, false);
    await settle(() => button(document.body, 'Send').click());
    expect(names(main)).not.toContain('git.unsignedCommits');
    expect(names(main)).toContain('git.push');
  });

  it('offers the pull request after sending', async () => {
    const main = sending({ 'git.unsignedCommits': () => ok([]) });
    await show(main);
    await settle(() => button(document.body, 'Send').click());
    await settle(() => button(document.body, 'Open a pull request').click());
    expect(main.calls.find((c) => c.name === 'shell.openExternal')!.args).toEqual({ url: SENT.pullRequestUrl });
  });

  it('when the server has newer commits, says so and offers "Get latest"', async () => {
    const main = sending({ 'git.unsignedCommits': () => ok([]), 'git.push': () => fail({ code: 'rejected', message: 'non-fast-forward' }), 'git.pull': pullWith({ kind: 'fast-forward', commits: 1 }) });
    const { errors } = await show(main);
    await settle(() => button(document.body, 'Send').click());
    expect(text()).toContain('The server has newer commits');
    expect(text()).toContain('Get them first');
    const dialog = document.querySelector('dialog')!;
    await settle(() => button(dialog as HTMLElement, 'Get latest').click());
    expect(names(main)).toContain('git.pull');
    expect(errors).toEqual([]);
  });

  it('asks for a sign-in when the server refuses, keeps it as chosen, and tries once more', async () => {
    let pushes = 0;
    const main = sending({
      'git.unsignedCommits': () => ok([]),
      'git.push': () => (++pushes === 1 ? fail({ code: 'auth-failed', message: '401' }) : ok(SENT)),
      'git.setCredentials': () => ok({ host: 'github.com', username: 'erika', protection: 'os' }),
    });
    await show(main);
    await settle(() => button(document.body, 'Send').click());
    expect(text()).toContain('Sign in to github.com');
    expect(text()).toContain('The server did not accept the user name or token.');
    expect(text()).toContain('encrypted by your system’s keychain');
    const [user, token] = [...document.querySelectorAll<HTMLInputElement>('.git-credentials input.text-input')];
    expect(user.value).toBe('erika');
    expect(token.type).toBe('password');
    await settle(() => typeInto(token, 'ghp_secret'));
    await settle(() => button(document.body, 'Sign in and continue').click());
    expect(main.calls.find((c) => c.name === 'git.setCredentials')!.args).toEqual({ site: SITE.root, url: undefined, username: 'erika', token: 'ghp_secret', remember: true });
    expect(pushes).toBe(2);
    expect(text()).toContain('Sent to origin/feat/launch.');
    expect(document.querySelector('.git-sync-notice')!.textContent).toContain('Your saved token is encrypted by your system’s keychain.');
  });

  it('asks for a sign-in before the first push to an HTTPS server without one; cancelling sends nothing', async () => {
    const main = sending({ 'git.unsignedCommits': () => ok([]), 'git.credentials': () => ok({ host: 'github.com', username: null, protection: null }) });
    await show(main);
    await settle(() => button(document.body, 'Send').click());
    expect(text()).toContain('The server needs your user name and an access token for this.');
    expect(text()).toContain('Remember on this computer');
    expect(text()).toContain('Without this, Pressroom forgets it when it closes.');
    await settle(() => button(document.body, 'Cancel').click());
    expect(names(main)).not.toContain('git.push');
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('shows the HTTPS address when the site’s server is an SSH one', async () => {
    const main = sending({ 'git.unsignedCommits': () => ok([]), 'git.push': () => fail({ code: 'not-supported', message: 'ssh', suggestion: 'https://github.com/press/site.git' }) });
    await show(main, { ...PUBLISHED, remote: { ...ORIGIN, url: 'git@github.com:press/site.git' } });
    await settle(() => button(document.body, 'Send').click());
    expect(names(main)).not.toContain('git.credentials');
    expect(text()).toContain('over SSH, which Pressroom cannot use');
    expect(document.querySelector('.git-sync-notice code')!.textContent).toBe('https://github.com/press/site.git');
  });
});
