/**
 * Test kit for the git area: real repositories in temporary folders, built and read with the real `git` command
 * under a fixed identity and a private HOME, so the machine's own git config never changes what a test sees.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { GitRemoteServer } from './git-remote-testing';

let home: string | null = null;
const made = new Set<string>();

/** A private HOME (with empty XDG config) shared by every git command of this test process. */
export function testHome(): string {
  if (!home) {
    home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-git-home-')));
    fs.mkdirSync(path.join(home, '.config'), { recursive: true });
    made.add(home);
  }
  return home;
}

/** The fixed environment of `gitCli`: a known author and committer and time, no system or user config. */
export function gitTestEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const h = testHome();
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: h,
    XDG_CONFIG_HOME: path.join(h, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.com',
    GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
    LANG: 'C',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Runs the real `git` in `dir` and returns its stdout (throws with stderr when git fails). */
export function gitCli(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: gitTestEnv(), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Runs the real `git` with text on stdin (for `interpret-trailers`, `commit -F -` …). */
export function gitCliInput(dir: string, input: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: gitTestEnv(), encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A new empty temporary folder (real path), removed when the test file ends. */
export function tempDir(prefix = 'pressroom-git-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.add(dir);
  return dir;
}

/** Writes files (repo-relative `/` paths → content) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** Options of `makeRepo`: leave the files uncommitted, or name the first commit. */
export interface MakeRepoOptions {
  commit?: boolean;
  message?: string;
}

/**
 * A fresh repository (`git init -b main`) holding `files`, committed as one first commit unless `commit: false`
 * or there are no files. Returns the repository's real path.
 */
export function makeRepo(files: Record<string, string | Uint8Array> = {}, options: MakeRepoOptions = {}): string {
  const dir = tempDir('pressroom-repo-');
  gitCli(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  if (Object.keys(files).length > 0 && options.commit !== false) commitAll(dir, options.message ?? 'first');
  return dir;
}

/** Stages everything in the test repository and commits it with the real git; returns the new commit's oid. */
export function commitAll(dir: string, message: string): string {
  gitCli(dir, 'add', '-A');
  gitCli(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return gitCli(dir, 'rev-parse', 'HEAD').trim();
}

/**
 * A bare repository `name` on the test remote, seeded from `seed`, and our clone of it whose origin is the remote's
 * HTTP address, as a user's clone is (the clone itself is made from the folder, quickly and without credentials).
 */
export function cloneOfRemote(remote: Pick<GitRemoteServer, 'createBare' | 'url'>, name: string, seed: string): { bare: string; ours: string } {
  const bare = remote.createBare(name, seed);
  const ours = path.join(tempDir(), name);
  gitCli(path.dirname(ours), 'clone', '-q', bare, ours);
  gitCli(ours, 'remote', 'set-url', 'origin', remote.url(name));
  return { bare, ours };
}

/**
 * A repository with one file in each state git knows: changed, staged, partly staged, deleted, removed from the
 * index, new, added, intent-to-add, ignored, a symlink, an executable bit, a nested .gitignore, a tracked file in
 * an ignored folder. Returns the folder and every path worth asking about.
 */
export function makeMixedChangesRepo(): { dir: string; paths: string[] } {
  const dir = makeRepo({
    'same.md': 's\n', 'changed.md': 'c\n', 'staged.md': 's\n', 'partly.md': 'p\n', 'deleted.md': 'd\n', 'rm.md': 'r\n',
    'rm-cached.md': 'k\n', 'back.md': 'b\n', 'exec.sh': 'echo\n', 'link.md': 'x', 'dir/a.md': 'a\n', '.gitignore': '*.log\nbuild/\n',
    'sub/.gitignore': '*.tmp\n', 'sub/keep.md': 'k\n',
  });
  fs.rmSync(path.join(dir, 'link.md'));
  fs.symlinkSync('same.md', path.join(dir, 'link.md'));
  writeFiles(dir, { 'changed.md': 'c2\n', 'staged.md': 's2\n', 'partly.md': 'p2\n', 'new.md': 'n\n', 'added.md': 'a\n', 'ita.md': 'i\n', 'x.log': 'l', 'build/out.md': 'o', 'back.md': 'b2\n', 'sub/a.tmp': 't', 'sub/new/deep.md': 'd\n', 'forced/f.log': 'f' });
  gitCli(dir, 'add', 'staged.md', 'partly.md', 'added.md', 'back.md', 'link.md');
  gitCli(dir, 'add', '-f', 'forced/f.log');
  gitCli(dir, 'add', '--intent-to-add', 'ita.md');
  writeFiles(dir, { 'partly.md': 'p3\n', 'back.md': 'b\n', 'forced/f.log': 'f2' });
  fs.rmSync(path.join(dir, 'deleted.md'));
  gitCli(dir, 'rm', '-q', 'rm.md');
  gitCli(dir, 'rm', '-q', '--cached', 'rm-cached.md');
  fs.chmodSync(path.join(dir, 'exec.sh'), 0o755);
  const paths = ['same.md', 'changed.md', 'staged.md', 'partly.md', 'deleted.md', 'rm.md', 'rm-cached.md', 'back.md', 'exec.sh', 'link.md', 'dir/a.md', 'new.md', 'added.md', 'ita.md', 'x.log', 'build/out.md', 'never.md', 'dir/none.md', 'sub/a.tmp', 'sub/keep.md', 'sub/new/deep.md', 'forced/f.log'];
  return { dir, paths };
}

/** Removes every folder this kit made (also done automatically after each test file). */
export function removeTempDirs(): void {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  made.clear();
  home = null;
}

afterAll(() => {
  removeTempDirs();
});
