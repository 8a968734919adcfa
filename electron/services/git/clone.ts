/**
 * Cloning a site from a remote into a NEW folder named after the repository, like `git clone <url>` inside the
 * chosen folder: never into an existing folder's contents, and no half-made folder left behind when it fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProgressCallback } from 'isomorphic-git';
import { AppFailure } from '../../../shared/contract/errors';
import { withoutCredentials } from '../../../shared/git/remote-url';
import { git, gitFs, withRepoLock } from './git-engine';
import { type AuthProvider, remoteAuth, withUrlCredentials } from './remote-auth';
import { assertHttpUrl, httpWithTimeout, toRemoteFailure } from './remote-errors';

/** What a clone needs: the remote, the folder the new one goes in, credentials on request, progress. */
export interface CloneOptions {
  url: string;
  /** An existing folder; the clone becomes `<destination>/<repository name>`. */
  destination: string;
  auth: AuthProvider;
  onProgress?: ProgressCallback;
}

/** The folder name `git clone` would pick: the last part of the address without `.git`. */
export function repoNameOf(url: string): string {
  const clean = withoutCredentials(url.trim()).replace(/[?#].*$/, '');
  const last = clean.replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
  const name = [...last.replace(/\.git$/i, '')].map((c) => (c < ' ' || '<>:"|?*\\'.includes(c) ? '-' : c)).join('');
  return name && name !== '.' && name !== '..' ? name : 'repository';
}

/** Clones `url` into `<destination>/<name>` (default branch, checked out); answers with the new folder. */
export async function cloneRepo(options: CloneOptions): Promise<{ path: string }> {
  const { url, destination, onProgress } = options;
  assertHttpUrl(url);
  const cleanUrl = withoutCredentials(url.trim());
  const target = path.join(destination, repoNameOf(cleanUrl));
  return withRepoLock({ dir: target }, async () => {
    const existing = await fs.promises.readdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw new AppFailure('not-readable', `Cannot look into ${target}: ${error.message}`, { path: target });
    });
    if (existing && existing.length > 0) {
      throw new AppFailure('exists', `${target} already exists and is not empty. Choose another folder, or move it away first.`, { path: target });
    }
    const createdFolder = existing === null;
    if (createdFolder) {
      await fs.promises.mkdir(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new AppFailure('not-found', `There is no folder at ${destination}.`, { path: destination });
        throw new AppFailure('not-writable', `Cannot create ${target}: ${error.message}`, { path: target });
      });
    }
    const auth = remoteAuth(withUrlCredentials(url, options.auth));
    try {
      await git.clone({
        fs: gitFs,
        http: httpWithTimeout(),
        dir: target,
        // No credentials in the address written to .git/config: they come from onAuth only.
        url: cleanUrl,
        singleBranch: true,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        onProgress,
      });
    } catch (error) {
      await removeHalfMade(target, createdFolder);
      throw toRemoteFailure(error, cleanUrl);
    }
    return { path: await fs.promises.realpath(target) };
  });
}

/** Removes what a failed clone left: the folder it made, or the contents of the empty one it was given. */
async function removeHalfMade(target: string, createdFolder: boolean): Promise<void> {
  if (createdFolder) {
    await fs.promises.rm(target, { recursive: true, force: true }).catch(() => undefined);
    return;
  }
  const left = await fs.promises.readdir(target).catch(() => [] as string[]);
  for (const entry of left) await fs.promises.rm(path.join(target, entry), { recursive: true, force: true }).catch(() => undefined);
}
