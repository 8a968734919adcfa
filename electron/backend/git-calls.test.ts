// The git.* calls over real repositories (and a real HTTP remote), called through the call edge as the renderer does.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/contract';
import type { GitBranches, GitCommitSummary, GitCredentialInfo, GitPullResult, GitPushResult, GitStatus } from '../../shared/contract/git-models';
import type { SiteSummary } from '../../shared/contract/models';
import { gitCli, makeRepo, tempDir, testHome } from '../services/git/git-testing';
import { type GitRemoteServer, REMOTE_TOKEN, REMOTE_USER, startGitRemote } from '../services/git/git-remote-testing';
import type { SiteWatches } from '../services/watch';
import { watchOpenedSites } from './calls/open-sites';
import { createEventBus } from './event-bus';
import { createTestHandlers } from './test-handlers';

type Message = { name: string; payload: unknown };

let tmp: string;
let messages: Message[];
let watches: SiteWatches | null;
let call: ReturnType<typeof createTestHandlers>['call'];
let bus: ReturnType<typeof createEventBus>;
const oldHome = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function value<T>(name: string, args: unknown): Promise<T> {
  const r = await call<T>(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function errorOf(name: string, args: unknown): Promise<{ code: string; message: string }> {
  const r = await call(name, args);
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
}

/** A Jekyll site that is a repository with one commit; opened through `site.open`. */
async function openRepoSite(files: Record<string, string> = {}): Promise<string> {
  const dir = makeRepo({ '_config.yml': 'title: T\n', '_posts/2024-01-01-a.md': '---\ntitle: A\n---\nText\n', ...files });
  const opened = await value<SiteSummary>('site.open', { path: dir });
  if (watches) await watches.watch(opened.root);
  return opened.root;
}

const named = (name: string) => messages.filter((m) => m.name === name).map((m) => m.payload);

beforeAll(() => {
  // No machine-wide git identity may leak into what a test sees.
  process.env.HOME = testHome();
  process.env.XDG_CONFIG_HOME = path.join(testHome(), '.config');
});
afterAll(() => {
  process.env.HOME = oldHome.HOME;
  if (oldHome.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = oldHome.XDG_CONFIG_HOME;
});

beforeEach(() => {
  tmp = tempDir('pressroom-git-calls-');
  bus = createEventBus();
  messages = [];
  bus.subscribe((m) => void messages.push(m as Message));
  watches = null;
  ({ call } = createTestHandlers(tmp, bus));
});

afterEach(async () => {
  await watches?.closeAll();
});

async function setIdentity(): Promise<void> {
  await value('settings.set', { patch: { authorName: 'Ada Lovelace', authorEmail: 'ada@example.com' } });
}

describe('git calls on a local repository', () => {
  it('refuses sites that were not opened', async () => {
    const dir = makeRepo({ '_config.yml': 'title: T\n' });
    expect((await errorOf('git.status', { site: dir })).code).toBe('not-found');
  });

  it('stages, commits with the settings identity and a sign-off, and says git.changed each time', async () => {
    const site = await openRepoSite();
    await fs.writeFile(path.join(site, '_posts/2024-02-02-b.md'), '---\ntitle: B\n---\n');
    let status = await value<GitStatus>('git.status', { site });
    expect(status.changes).toEqual([{ path: '_posts/2024-02-02-b.md', oldPath: null, kind: 'new', staged: 'no', conflicted: false }]);

    status = await value<GitStatus>('git.stage', { site, paths: ['_posts/2024-02-02-b.md'] });
    expect(status.changes[0].staged).toBe('yes');
    expect(named('git.changed')).toEqual([{ site }]);

    expect((await errorOf('git.commit', { site, summary: 'Add B', signOff: false })).code).toBe('identity-missing');
    await setIdentity();
    const commit = await value<GitCommitSummary>('git.commit', { site, summary: 'Add B', description: 'The second post.', signOff: true });
    expect(commit).toMatchObject({ summary: 'Add B', authorName: 'Ada Lovelace', authorEmail: 'ada@example.com' });
    // What real git reads: the author, the message with its trailer, a clean tree.
    expect(gitCli(site, 'log', '-1', '--format=%an <%ae>%n%B').trim()).toBe(
      'Ada Lovelace <ada@example.com>\nAdd B\n\nThe second post.\n\nSigned-off-by: Ada Lovelace <ada@example.com>',
    );
    expect(gitCli(site, 'status', '--porcelain')).toBe('');
    expect((await value<GitStatus>('git.status', { site })).changes).toEqual([]);
    expect(named('git.changed')).toEqual([{ site }, { site }]);
  });

  it('unstages, diffs, and initialises a site that is no repository yet', async () => {
    const site = await openRepoSite();
    await fs.writeFile(path.join(site, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\nNew text\n');
    await value('git.stage', { site, paths: ['_posts/2024-01-01-a.md'] });
    const status = await value<GitStatus>('git.unstage', { site, paths: ['_posts/2024-01-01-a.md'] });
    expect(status.changes).toEqual([{ path: '_posts/2024-01-01-a.md', oldPath: null, kind: 'changed', staged: 'no', conflicted: false }]);
    const diff = await value<{ before: { text: string }; after: { text: string } }>('git.diff', { site, path: '_posts/2024-01-01-a.md' });
    expect([diff.before.text, diff.after.text]).toEqual(['---\ntitle: A\n---\nText\n', '---\ntitle: A\n---\nNew text\n']);

    const plain = tempDir('pressroom-plain-site-');
    await fs.writeFile(path.join(plain, '_config.yml'), 'title: P\n');
    const opened = await value<SiteSummary>('site.open', { path: plain });
    expect((await errorOf('git.status', { site: opened.root })).code).toBe('not-a-repo');
    const fresh = await value<GitStatus>('git.init', { site: opened.root });
    expect(fresh).toMatchObject({ branch: 'main', hasCommits: false });
    expect(fresh.changes.map((c) => c.path)).toEqual(['_config.yml']);
    expect(gitCli(plain, 'rev-parse', '--is-inside-work-tree').trim()).toBe('true');
  });

  it('shows a renamed post against its old path, so only the edit shows as changed', async () => {
    const site = await openRepoSite();
    await fs.rename(path.join(site, '_posts/2024-01-01-a.md'), path.join(site, '_posts/2024-01-01-b.md'));
    await value('git.stage', { site, paths: ['_posts/2024-01-01-a.md', '_posts/2024-01-01-b.md'] });
    const status = await value<GitStatus>('git.status', { site });
    expect(status.changes).toEqual([{ path: '_posts/2024-01-01-b.md', oldPath: '_posts/2024-01-01-a.md', kind: 'renamed', staged: 'yes', conflicted: false }]);
    const diff = await value<{ oldPath: string | null; before: { text: string }; after: { text: string } }>('git.diff', { site, path: '_posts/2024-01-01-b.md' });
    expect(diff.before?.text).toBe('---\ntitle: A\n---\nText\n');
    expect(diff.after.text).toBe('---\ntitle: A\n---\nText\n');
  });

  it('follows the watcher: a file saved on disk shows up in git.status after one debounced git.changed', async () => {
    watches = watchOpenedSites(bus, { max: 4 });
    const site = await openRepoSite();
    expect((await value<GitStatus>('git.status', { site })).changes).toEqual([]);
    messages = [];
    await fs.writeFile(path.join(site, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\nEdited\n');
    await fs.writeFile(path.join(site, 'about.md'), 'About\n');
    await settle(700);
    expect(named('file.changed').length).toBeGreaterThanOrEqual(2);
    expect(named('git.changed')).toEqual([{ site }]);
    const status = await value<GitStatus>('git.status', { site });
    expect(status.changes.map((c) => [c.path, c.kind])).toEqual([
      ['_posts/2024-01-01-a.md', 'changed'],
      ['about.md', 'new'],
    ]);
  });

  it('creates and switches branches, telling open documents to reload', async () => {
    const site = await openRepoSite();
    messages = [];
    const status = await value<GitStatus>('git.createBranch', { site, name: 'post/launch' });
    expect(status.branch).toBe('post/launch');
    expect(named('file.changed')).toEqual([{ site, path: '', kind: 'changed' }]);
    expect(named('git.changed')).toEqual([{ site }]);
    expect(gitCli(site, 'branch', '--show-current').trim()).toBe('post/launch');
    const branches = await value<GitBranches>('git.branches', { site });
    expect(branches.local.map((b) => [b.name, b.current])).toEqual([
      ['main', false],
      ['post/launch', true],
    ]);
    await value('git.switchBranch', { site, name: 'main' });
    expect(gitCli(site, 'branch', '--show-current').trim()).toBe('main');
    expect(named('file.changed')).toHaveLength(2);
  });
});

describe('credential calls without a remote', () => {
  it('names what is missing: a site without a remote, or neither site nor address', async () => {
    const site = await openRepoSite();
    expect(await errorOf('git.credentials', { site })).toMatchObject({ code: 'not-found', message: 'This repository has no remote to send changes to.' });
    expect((await errorOf('git.credentials', {})).code).toBe('invalid-arguments');
    expect(await value<GitCredentialInfo>('git.credentials', { url: 'https://GitHub.com/acme/site.git' })).toEqual({ host: 'github.com', username: null, protection: null });
  });
});

describe('git calls with a remote', () => {
  let remote: GitRemoteServer;
  beforeAll(async () => {
    remote = await startGitRemote();
  });
  afterAll(async () => {
    await remote.close();
  });

  /** An open site whose origin is a fresh repository on the test remote, seeded from it. */
  async function siteWithRemote(name: string): Promise<{ site: string; url: string; bare: string }> {
    const site = await openRepoSite();
    const bare = remote.createBare(name, site);
    const url = remote.url(name);
    gitCli(site, 'remote', 'add', 'origin', url);
    // Real git talks to the bare folder directly: this process serves the HTTP remote and must not be blocked.
    gitCli(site, 'fetch', '--quiet', bare, '+refs/heads/main:refs/remotes/origin/main');
    gitCli(site, 'branch', '--set-upstream-to=origin/main', 'main');
    return { site, url, bare };
  }

  it('asks for credentials, then pushes with the session token and reports progress', async () => {
    const { site, url, bare } = await siteWithRemote('push-me');
    await setIdentity();
    await fs.writeFile(path.join(site, 'news.md'), 'News\n');
    await value('git.stage', { site, paths: ['news.md'] });
    const commit = await value<GitCommitSummary>('git.commit', { site, summary: 'News', signOff: false });

    const refused = await errorOf('git.push', { site });
    expect(refused.code).toBe('auth-failed');
    expect(await value<GitCredentialInfo>('git.credentials', { site })).toEqual({ host: new URL(url).host, username: null, protection: null });

    const info = await value<GitCredentialInfo>('git.setCredentials', { site, username: REMOTE_USER, token: REMOTE_TOKEN, remember: false });
    expect(info).toEqual({ host: new URL(url).host, username: REMOTE_USER, protection: 'session' });
    expect(JSON.stringify(info)).not.toContain(REMOTE_TOKEN);
    messages = [];
    const pushed = await value<GitPushResult>('git.push', { site });
    expect(pushed).toMatchObject({ branch: 'main', remote: 'origin' });
    expect(gitCli(bare, 'rev-parse', 'refs/heads/main').trim()).toBe(commit.oid);
    const progress = named('progress') as Events['progress'][];
    expect(progress.at(-1)).toMatchObject({ label: 'progress.pushing', finished: true });
    expect(named('git.changed')).toEqual([{ site }]);
    // Nothing of the token went into the repository.
    expect(await fs.readFile(path.join(site, '.git', 'config'), 'utf8')).not.toContain(REMOTE_TOKEN);

    expect(await value<GitCredentialInfo>('git.forgetCredentials', { url })).toEqual({ host: new URL(url).host, username: null, protection: null });
  });

  it('pulls a fast-forward and makes open documents reload', async () => {
    const { site, url, bare } = await siteWithRemote('pull-me');
    await setIdentity();
    const other = tempDir('pressroom-other-clone-');
    gitCli(other, 'clone', '--quiet', bare, '.');
    await fs.writeFile(path.join(other, 'from-remote.md'), 'Hello\n');
    gitCli(other, 'add', 'from-remote.md');
    gitCli(other, 'commit', '--quiet', '-m', 'From elsewhere');
    gitCli(other, 'push', '--quiet', 'origin', 'main');

    await value('git.setCredentials', { url, username: REMOTE_USER, token: REMOTE_TOKEN, remember: true });
    messages = [];
    const result = await value<GitPullResult>('git.pull', { site });
    expect(result).toEqual({ kind: 'fast-forward', commits: 1 });
    expect(await fs.readFile(path.join(site, 'from-remote.md'), 'utf8')).toBe('Hello\n');
    expect(named('file.changed')).toEqual([{ site, path: '', kind: 'changed' }]);
    expect((named('progress') as Events['progress'][]).at(-1)).toMatchObject({ label: 'progress.pulling', finished: true });
    // Remembered with the app key (no OS keychain here), and never in plain text.
    const stored = await fs.readFile(path.join(tmp, 'app-data', 'git-credentials.json'), 'utf8');
    expect(stored).not.toContain(REMOTE_TOKEN);
    expect(JSON.parse(stored).hosts[new URL(url).host].protection).toBe('app-key');
  });

  it('clones into an existing folder only', async () => {
    const source = makeRepo({ '_config.yml': 'title: Cloned\n' });
    remote.createBare('clone-me', source);
    const url = remote.url('clone-me');
    const dest = tempDir('pressroom-clone-dest-');
    expect((await errorOf('git.clone', { url, destination: path.join(dest, 'missing') })).code).toBe('not-found');
    await value('git.setCredentials', { url, username: REMOTE_USER, token: REMOTE_TOKEN, remember: false });
    const cloned = await value<{ path: string }>('git.clone', { url, destination: dest });
    expect(path.dirname(cloned.path)).toBe(dest);
    expect(await fs.readFile(path.join(cloned.path, '_config.yml'), 'utf8')).toBe('title: Cloned\n');
    expect((named('progress') as Events['progress'][]).at(-1)).toMatchObject({ label: 'progress.cloning', finished: true });
    expect(gitCli(cloned.path, 'status', '--porcelain')).toBe('');
  });
});
