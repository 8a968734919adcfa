/**
 * Test kit for the posts area: a copy of the bilingual fixture in a temporary folder (symlinks copied as links), and
 * the real `git` under a fixed identity and a private HOME to commit in it, so a test sees what a user's repository holds.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BILINGUAL_SITE } from '../../../e2e/fixtures/bilingual-site';

/** A copy of the bilingual fixture at `<tmp>/site` (real path); `remove` deletes the whole temporary folder. */
export async function copyBilingualSite(): Promise<{ site: string; remove: () => Promise<void> }> {
  const tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-posts-')));
  const site = path.join(tmp, 'site');
  await fs.cp(BILINGUAL_SITE, site, { recursive: true, verbatimSymlinks: true });
  return { site, remove: () => fs.rm(tmp, { recursive: true, force: true }) };
}

/** Runs the real `git` in `dir` with a fixed author and no user or system config; returns stdout. */
export function gitIn(dir: string, ...args: string[]): string {
  const home = path.join(os.tmpdir(), 'pressroom-posts-git-home');
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.com',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.com',
      LANG: 'C',
      LC_ALL: 'C',
    },
  });
}

/** Makes `site` a repository with everything committed but `uncommitted` (site-relative paths left out of the commit). */
export function commitSite(site: string, uncommitted: readonly string[] = []): void {
  gitIn(site, 'init', '-q', '-b', 'main');
  gitIn(site, 'add', '-A');
  if (uncommitted.length > 0) gitIn(site, 'rm', '-q', '--cached', '--', ...uncommitted);
  gitIn(site, 'commit', '-q', '-m', 'site');
}

/** True when something (a file, a folder, a link even if it dangles) is at `rel`. */
export const existsAt = (site: string, rel: string) => fs.lstat(path.join(site, rel)).then(
  () => true,
  () => false,
);
