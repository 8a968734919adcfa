/**
 * A site kept in git the way a press officer meets it: the SCS-like fixture committed, pushed to a REAL git remote
 * over HTTP on 127.0.0.1 (`git http-backend` behind basic auth) and cloned back with the real `git`, without any
 * `user.*` config and with a private HOME, so the app itself must ask who commits and for the token.
 * The remote runs in the test process: every `git` here runs asynchronously, never blocking its event loop.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type GitRemoteServer, REMOTE_TOKEN, REMOTE_USER, startGitRemote } from '../../electron/services/git/git-remote-testing';
import { copySite, makeTempDir } from './index';

export { REMOTE_TOKEN, REMOTE_USER };

const execFileAsync = promisify(execFile);

/** The SCS-like fixture site the git tests start from. */
export const SCS_SITE = path.join(__dirname, '..', 'fixtures', 'scs-site');

/** Runs the real `git` asynchronously with a clean environment (own HOME, no system config, no GIT_* from outside) and returns stdout. */
export async function git(cwd: string, args: string[], home: string): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  Object.assign(env, { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' });
  const { stdout } = await execFileAsync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 20 * 1024 * 1024 });
  return stdout;
}

/** A commit by someone else (the test's own identity, given per command so no config is written). */
export const OTHER_AUTHOR = ['-c', 'user.name=Other Editor', '-c', 'user.email=other@example.org'];

/** A bare repository on a running HTTP remote, seeded with the fixture, and the private HOME every process uses. */
export interface GitSite {
  remote: GitRemoteServer;
  /** The bare repository's folder (for `git ls-remote`, or pushes straight into it). */
  bare: string;
  /** Its HTTP address (what the app's `origin` points at). */
  url: string;
  /** An empty HOME for the server and for the test's `git`, so no ~/.gitconfig names an author. */
  home: string;
  /** Environment for `startApp({ extraEnv })`. */
  env: NodeJS.ProcessEnv;
  /** Runs `git` in `cwd` with the private HOME. */
  git(cwd: string, ...args: string[]): Promise<string>;
  /** For `startApp({ prepareSite })`: replaces the copy with a clone of the remote whose origin is the HTTP address. */
  prepareSite(siteDir: string, then?: (siteDir: string) => Promise<void>): Promise<void>;
  /** A second clone elsewhere (e.g. a colleague's), origin pointing straight at the bare folder. */
  cloneElsewhere(): Promise<string>;
  /** Closes the remote (as a network going away); its repositories go with it. */
  goOffline(): Promise<void>;
  /** Closes the remote (safe twice) and removes every folder made here. */
  close(): Promise<void>;
}

/** Starts a remote holding the fixture site as `site.git`, branch main, one commit. */
export async function startGitSite(): Promise<GitSite> {
  const root = await makeTempDir('pressroom-git-site-');
  const home = path.join(root, 'home');
  await fs.mkdir(home);
  const run = (cwd: string, ...args: string[]) => git(cwd, args, home);
  const seed = path.join(root, 'seed');
  await copySite(SCS_SITE, seed);
  await run(seed, 'init', '--quiet', '--initial-branch=main');
  await run(seed, 'add', '--all');
  await run(seed, ...OTHER_AUTHOR, 'commit', '--quiet', '-m', 'The site as it was published');
  const remote = await startGitRemote();
  let closed = false;
  const bare = remote.createBare('site', seed);
  const url = remote.url('site');
  let clones = 0;
  const goOffline = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await remote.close();
    }
  };
  return {
    remote,
    bare,
    url,
    home,
    env: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' },
    git: run,
    async prepareSite(siteDir, then) {
      await fs.rm(siteDir, { recursive: true, force: true });
      await run(root, 'clone', '--quiet', bare, siteDir);
      await run(siteDir, 'remote', 'set-url', 'origin', url);
      if (then) await then(siteDir);
    },
    async cloneElsewhere() {
      const dir = path.join(root, `other-${++clones}`);
      await run(root, 'clone', '--quiet', bare, dir);
      return dir;
    },
    goOffline,
    async close() {
      await goOffline();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
