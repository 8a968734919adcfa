import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitChange } from '../../../shared/contract/git-models';
import { openRepo } from './git-engine';
import { commitAll, gitCli, makeRepo, writeFiles } from './git-testing';
import { commitStaged } from './commit';
import { createStatusTracker, readStatus } from './status';
import { stagePaths, unstagePaths } from './stage';

const change = (p: string, kind: GitChange['kind'], staged: GitChange['staged'], extra: Partial<GitChange> = {}): GitChange => ({
  path: p,
  oldPath: null,
  kind,
  staged,
  conflicted: false,
  ...extra,
});

describe('readStatus', () => {
  it('lists each change in words, staged or not, without ignored files, sorted by path', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n', 'd.md': 'd\n', 'e.md': 'e\n', '.gitignore': '_site/\n*.log\n' });
    writeFiles(dir, { 'a.md': 'a2\n', 'b.md': 'b2\n', 'c.md': 'c2\n', 'new.md': 'new\n', 'added.md': 'added\n', '_site/index.html': 'x', 'debug.log': 'x' });
    gitCli(dir, 'add', 'b.md', 'c.md', 'added.md');
    writeFiles(dir, { 'c.md': 'c3\n' });
    fs.rmSync(path.join(dir, 'd.md'));
    gitCli(dir, 'rm', '-q', 'e.md');
    const status = await readStatus(await openRepo(dir));
    expect(status.changes).toEqual([
      change('a.md', 'changed', 'no'),
      change('added.md', 'new', 'yes'),
      change('b.md', 'changed', 'yes'),
      change('c.md', 'changed', 'partly'),
      change('d.md', 'deleted', 'no'),
      change('e.md', 'deleted', 'yes'),
      change('new.md', 'new', 'no'),
    ]);
    // The same files real git reports, ignored ones left out.
    const porcelain = gitCli(dir, 'status', '--porcelain').split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
    expect(status.changes.map((c) => c.path)).toEqual(porcelain);
    expect(status).toMatchObject({ repoRoot: dir, sitePrefix: '', branch: 'main', detachedAt: null, hasCommits: true, operation: null, upstream: null, remote: null });
  });

  it('shows a moved post as one rename, staged (git mv) or not (moved on disk)', async () => {
    const dir = makeRepo({ '_drafts/spring.md': 'Spring is here.\n', '_drafts/autumn.md': 'Autumn is here.\n' });
    fs.mkdirSync(path.join(dir, '_posts'));
    gitCli(dir, 'mv', '_drafts/spring.md', '_posts/2026-03-01-spring.md');
    fs.mkdirSync(path.join(dir, 'old'));
    fs.renameSync(path.join(dir, '_drafts/autumn.md'), path.join(dir, 'old/autumn.md'));
    const status = await readStatus(await openRepo(dir));
    expect(status.changes).toEqual([
      change('_posts/2026-03-01-spring.md', 'renamed', 'yes', { oldPath: '_drafts/spring.md' }),
      change('old/autumn.md', 'renamed', 'no', { oldPath: '_drafts/autumn.md' }),
    ]);
    expect(gitCli(dir, 'status', '--porcelain')).toContain('R  _drafts/spring.md -> _posts/2026-03-01-spring.md');
  });

  it('works in a fresh repository without commits', async () => {
    const dir = makeRepo({ 'index.md': 'hi\n', 'about.md': 'me\n' }, { commit: false });
    gitCli(dir, 'add', 'about.md');
    const status = await readStatus(await openRepo(dir));
    expect(status).toMatchObject({ branch: 'main', hasCommits: false, detachedAt: null, ahead: 0, behind: 0 });
    expect(status.changes).toEqual([change('about.md', 'new', 'yes'), change('index.md', 'new', 'no')]);
  });

  it('names the commit of a detached HEAD', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'a.md': 'a2\n' });
    commitAll(dir, 'second');
    gitCli(dir, 'checkout', '-q', '--detach', 'HEAD~1');
    const status = await readStatus(await openRepo(dir));
    expect(status.branch).toBeNull();
    expect(status.detachedAt).toBe(gitCli(dir, 'rev-parse', '--short=7', 'HEAD').trim());
  });

  it('counts commits ahead of and behind the upstream as git does, and describes the remote', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    gitCli(dir, 'remote', 'add', 'origin', 'https://github.com/acme/press.git');
    gitCli(dir, 'checkout', '-q', '-b', 'theirs');
    for (const n of [1, 2, 3]) {
      writeFiles(dir, { [`t${n}.md`]: `${n}\n` });
      commitAll(dir, `theirs ${n}`);
    }
    gitCli(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    gitCli(dir, 'checkout', '-q', 'main');
    gitCli(dir, 'branch', '-q', 'theirs', '-D');
    for (const n of [1, 2]) {
      writeFiles(dir, { [`m${n}.md`]: `${n}\n` });
      commitAll(dir, `mine ${n}`);
    }
    gitCli(dir, 'branch', '-q', '--set-upstream-to=origin/main');
    const status = await readStatus(await openRepo(dir));
    const [ahead, behind] = gitCli(dir, 'rev-list', '--left-right', '--count', 'main...origin/main').trim().split(/\s+/).map(Number);
    expect({ ahead: status.ahead, behind: status.behind }).toEqual({ ahead, behind });
    expect(status.ahead).toBe(2);
    expect(status.behind).toBe(3);
    expect(status.upstream).toBe('origin/main');
    expect(status.remote).toMatchObject({ name: 'origin', url: 'https://github.com/acme/press.git', host: 'github', webUrl: 'https://github.com/acme/press' });
  });

  it('reports an unfinished merge with its conflicted files', async () => {
    const dir = makeRepo({ 'post.md': 'one\ntwo\nthree\n', 'other.md': 'x\n' });
    gitCli(dir, 'checkout', '-q', '-b', 'side');
    writeFiles(dir, { 'post.md': 'one\nSIDE\nthree\n', 'other.md': 'y\n' });
    commitAll(dir, 'side');
    gitCli(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'post.md': 'one\nMAIN\nthree\n' });
    commitAll(dir, 'main');
    expect(() => gitCli(dir, 'merge', '-q', 'side')).toThrow();
    const status = await readStatus(await openRepo(dir));
    expect(status.operation).toBe('merge');
    expect(status.changes.find((c) => c.path === 'post.md')).toMatchObject({ conflicted: true });
    expect(status.changes.find((c) => c.path === 'other.md')).toMatchObject({ conflicted: false, staged: 'yes' });
  });

  it('names operations other tools left unfinished', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    const repo = await openRepo(dir);
    const gitdir = path.join(dir, '.git');
    for (const [marker, operation] of [['CHERRY_PICK_HEAD', 'cherry-pick'], ['REVERT_HEAD', 'revert'], ['BISECT_LOG', 'bisect'], ['rebase-merge/', 'rebase'], ['rebase-apply/', 'rebase']] as const) {
      const p = path.join(gitdir, marker);
      if (marker.endsWith('/')) fs.mkdirSync(p);
      else fs.writeFileSync(p, gitCli(dir, 'rev-parse', 'HEAD'));
      expect((await readStatus(repo)).operation).toBe(operation);
      fs.rmSync(p, { recursive: true });
    }
    expect((await readStatus(repo)).operation).toBeNull();
  });

  it('fails with a clear io error when the index is corrupted', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    fs.writeFileSync(path.join(dir, '.git', 'index'), 'this is not an index');
    await expect(readStatus(await openRepo(dir))).rejects.toMatchObject({ error: { code: 'io', message: expect.stringContaining('.git/index') } });
  });

  it('reports progress up to every file of a full read', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`_posts/p${i}.md`] = `${i}\n`;
    const dir = makeRepo(files);
    const seen: Array<{ done: number; total: number }> = [];
    await readStatus(await openRepo(dir), { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ done: 0, total: 250 });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const last = seen[seen.length - 1]!;
    expect(last.done).toBe(last.total);
    expect(last.done).toBeGreaterThanOrEqual(250);
  });
});

describe('createStatusTracker', () => {
  it('after the first read, re-reads only the paths the watcher reported', async () => {
    const dir = makeRepo({ '_posts/a.md': 'a\n', '_posts/b.md': 'b\n', 'about.md': 'me\n' });
    const tracker = createStatusTracker(await openRepo(dir));
    expect((await tracker.get()).changes).toEqual([]);
    writeFiles(dir, { '_posts/a.md': 'a2\n', 'about.md': 'me2\n' });
    tracker.invalidate(['_posts/a.md']);
    // about.md was not reported, so it is not read again: proof the read is limited to what changed.
    expect((await tracker.get()).changes).toEqual([change('_posts/a.md', 'changed', 'no')]);
    tracker.invalidate(['about.md']);
    expect((await tracker.get()).changes.map((c) => c.path)).toEqual(['_posts/a.md', 'about.md']);
    writeFiles(dir, { '_posts/a.md': 'a\n' });
    tracker.invalidate(['_posts/a.md']);
    expect((await tracker.get()).changes.map((c) => c.path)).toEqual(['about.md']);
  });

  it('follows a removed folder, a new file and a reload-everything event', async () => {
    const dir = makeRepo({ 'img/a.png': 'a', 'img/b.png': 'b', 'x.md': 'x\n' });
    const tracker = createStatusTracker(await openRepo(dir));
    await tracker.get();
    fs.rmSync(path.join(dir, 'img'), { recursive: true });
    writeFiles(dir, { 'new.md': 'n\n' });
    tracker.invalidate(['img', 'new.md']);
    expect((await tracker.get()).changes).toEqual([change('img/a.png', 'deleted', 'no'), change('img/b.png', 'deleted', 'no'), change('new.md', 'new', 'no')]);
    writeFiles(dir, { 'x.md': 'changed\n' });
    tracker.invalidate(['']);
    expect((await tracker.get()).changes.map((c) => c.path)).toContain('x.md');
  });

  it('notices staging and commits made by another tool without being told', async () => {
    const dir = makeRepo({ 'a.md': 'a\n', 'b.md': 'b\n' });
    const tracker = createStatusTracker(await openRepo(dir));
    writeFiles(dir, { 'a.md': 'a2\n', 'b.md': 'b2\n' });
    expect((await tracker.get()).changes).toEqual([change('a.md', 'changed', 'no'), change('b.md', 'changed', 'no')]);
    gitCli(dir, 'add', 'a.md');
    expect((await tracker.get()).changes).toEqual([change('a.md', 'changed', 'yes'), change('b.md', 'changed', 'no')]);
    gitCli(dir, 'commit', '-q', '-m', 'a');
    const status = await tracker.get();
    expect(status.changes).toEqual([change('b.md', 'changed', 'no')]);
    gitCli(dir, 'checkout', '-q', '-b', 'feature');
    expect((await tracker.get()).branch).toBe('feature');
  });

  it('reads everything again when a .gitignore changes', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    writeFiles(dir, { 'notes.txt': 'x' });
    const tracker = createStatusTracker(await openRepo(dir));
    expect((await tracker.get()).changes.map((c) => c.path)).toEqual(['notes.txt']);
    writeFiles(dir, { '.gitignore': '*.txt\n' });
    tracker.invalidate(['.gitignore']);
    expect((await tracker.get()).changes.map((c) => c.path)).toEqual(['.gitignore']);
  });

  it('agrees with a full read after every step of a session: edits, staging, commits, other tools', async () => {
    const files: Record<string, string> = { '.gitignore': '_site/\n' };
    for (let i = 0; i < 40; i++) files[`_posts/p${i}.md`] = `post ${i}\n`;
    const dir = makeRepo(files);
    const repo = await openRepo(dir);
    const tracker = createStatusTracker(repo);
    const ana = { name: 'Ana', email: 'ana@example.com' };
    const edit = (rel: string, text: string | null): void => {
      if (text === null) fs.rmSync(path.join(dir, rel), { recursive: true });
      else writeFiles(dir, { [rel]: text });
      tracker.invalidate([rel]); // what the watcher would report
    };
    const steps: Array<[string, () => unknown]> = [
      ['edit two posts', () => (edit('_posts/p1.md', 'new 1\n'), edit('_posts/p2.md', 'new 2\n'))],
      ['add a post and a build file', () => (edit('_posts/new.md', 'fresh\n'), edit('_site/index.html', 'x'))],
      ['delete a post', () => edit('_posts/p3.md', null)],
      ['stage some', () => stagePaths(repo, ['_posts/p1.md', '_posts/new.md', '_posts/p3.md'])],
      ['edit a staged post again', () => edit('_posts/p1.md', 'newer 1\n')],
      ['unstage one', () => unstagePaths(repo, ['_posts/new.md'])],
      ['commit', () => commitStaged(repo, { summary: 'Posts', signOff: false, identity: ana })],
      ['git add in a terminal', () => gitCli(dir, 'add', '_posts/p2.md')],
      ['git commit in a terminal', () => gitCli(dir, 'commit', '-q', '-m', 'p2')],
      ['git reset --soft in a terminal', () => gitCli(dir, 'reset', '-q', '--soft', 'HEAD~2')],
      ['move a post on disk', () => (fs.renameSync(path.join(dir, '_posts/p9.md'), path.join(dir, 'p9.md')), tracker.invalidate(['_posts/p9.md', 'p9.md']))],
      ['git rm --cached in a terminal', () => gitCli(dir, 'rm', '-q', '--cached', '_posts/p10.md')],
    ];
    await tracker.get();
    for (const [name, step] of steps) {
      await step();
      const tracked = await tracker.get();
      const full = await readStatus(repo);
      expect(tracked, name).toEqual(full);
    }
    expect((await tracker.get()).changes.length).toBeGreaterThan(5);
  });
});
