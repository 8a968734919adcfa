/** The git area's public face: one operation per file over isomorphic-git (see git-engine.ts). */
export { forgetRepoCache, openRepo, repoPath, type Repo, withRepoLock } from './git-engine';
export { initRepo } from './init';
export { readHeadOid } from './repo-state';
export { HeadTrees } from './status-rows';
export { createStatusTracker, readStatus, type StatusTracker } from './status';
export { stagePaths, unstagePaths } from './stage';
export { readDiff } from './diff';
export { type Identity, resolveIdentity } from './identity';
export { commitStaged } from './commit';
export { type AuthProvider } from './remote-auth';
export { cloneRepo } from './clone';
export { pull } from './pull';
export { abortMerge } from './abort-merge';
export { push } from './push';
export { createBranch, listBranches, switchBranch } from './branches';
export { addSignOffs, unsignedCommits } from './sign-off';
export { createCredentialStore, type CredentialStore, envCredentials, type HostCredentials, type SecretBox } from './credential-store';
