/** Turning a site into a repository, only when the user asks: `git init` with `main` as the first branch. */
import fs from 'node:fs';
import { AppFailure } from '../../../shared/contract/errors';
import { git, gitFs, openRepo, type Repo, withRepoLock } from './git-engine';

/** Creates a repository in the site's folder (branch `main`); refuses with `exists` when the site already is in one. */
export async function initRepo(siteRoot: string): Promise<Repo> {
  const realSite = await fs.promises.realpath(siteRoot);
  return withRepoLock({ dir: realSite }, async () => {
    const existing = await git.findRoot({ fs: gitFs, filepath: realSite }).catch(() => null);
    if (existing !== null) {
      throw new AppFailure('exists', `${realSite} is already inside the git repository at ${existing}.`, { path: existing });
    }
    await git.init({ fs: gitFs, dir: realSite, defaultBranch: 'main' });
    return openRepo(realSite);
  });
}
