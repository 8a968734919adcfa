/**
 * Sending the current branch's commits to its remote, as `git push` (first time `git push -u origin <branch>`):
 * never forced, so a remote that moved on rejects the push and nothing of anyone's work is lost. Answers with
 * where to open a pull request for the branch.
 */
import type { ProgressCallback } from 'isomorphic-git';
import { AppFailure } from '../../../shared/contract/errors';
import type { GitPushResult } from '../../../shared/contract/git-models';
import { describeRemote, pullRequestUrl } from '../../../shared/git/remote-url';
import { defaultBranchName } from './branches';
import { engine, git, type Repo, withRepoLock } from './git-engine';
import { type AuthProvider, remoteAuth } from './remote-auth';
import { assertHttpUrl, httpWithTimeout, toRemoteFailure } from './remote-errors';
import { readBranch, readHeadOid, readOperation, readUpstream } from './repo-state';

/** What a push needs: credentials on request and progress. */
export interface PushOptions {
  auth: AuthProvider;
  onProgress?: ProgressCallback;
}

const DEFAULT_REMOTE = 'origin';


/** Pushes the current branch to its upstream, or to `origin` under the same name and makes that its upstream. */
export async function push(repo: Repo, options: PushOptions): Promise<GitPushResult> {
  return withRepoLock(repo, async () => {
    const operation = await readOperation(repo);
    if (operation) throw new AppFailure('in-progress', `A ${operation} is not finished in this repository. Finish or abort it before sending changes.`);
    const branch = await readBranch(repo);
    if (!branch) throw new AppFailure('detached', 'No branch is checked out (detached HEAD). Switch to a branch before sending changes.');
    const head = await readHeadOid(repo);
    if (!head) throw new AppFailure('not-found', 'There is nothing to send yet: this branch has no commits.');

    const upstream = await readUpstream(repo, branch);
    const target = upstream ?? { remote: DEFAULT_REMOTE, branch };
    const url = (await git.getConfig({ ...engine(repo), path: `remote.${target.remote}.url` })) as string | undefined;
    if (!url) throw new AppFailure('not-found', `This repository has no remote "${target.remote}" to send changes to.`);
    assertHttpUrl(url);

    const auth = remoteAuth(options.auth);
    let result: Awaited<ReturnType<typeof git.push>>;
    try {
      result = await git.push({
        ...engine(repo),
        http: httpWithTimeout(),
        remote: target.remote,
        ref: `refs/heads/${branch}`,
        remoteRef: `refs/heads/${target.branch}`,
        force: false,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        onProgress: options.onProgress,
      });
    } catch (error) {
      throw toRemoteFailure(error, url);
    }
    const update = result.refs[`refs/heads/${target.branch}`];
    if (!result.ok || (update && !update.ok)) {
      throw toRemoteFailure(Object.assign(new Error(update?.error ?? result.error ?? 'push refused'), { code: 'GitPushError' }), url);
    }

    // What the remote now has, as `git push` records it.
    await git.writeRef({ ...engine(repo), ref: `refs/remotes/${target.remote}/${target.branch}`, value: head, force: true });
    if (!upstream) {
      await git.setConfig({ ...engine(repo), path: `branch.${branch}.remote`, value: target.remote });
      await git.setConfig({ ...engine(repo), path: `branch.${branch}.merge`, value: `refs/heads/${target.branch}` });
    }
    const base = await defaultBranchName(repo, null);
    return {
      branch,
      remote: target.remote,
      setUpstream: !upstream,
      pullRequestUrl: pullRequestUrl(describeRemote(target.remote, url), target.branch, base),
    };
  });
}
