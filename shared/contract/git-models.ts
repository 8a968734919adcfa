/** The git data that crosses the contract: plain JSON, paths relative to the repository's root with `/`. */

/** A file's change in words a non-developer reads: HEAD compared with the working copy. */
export type GitChangeKind = 'new' | 'changed' | 'deleted' | 'renamed';

/** Whether a change is in the next commit: all of it, none, or part (changed again after it was staged). */
export type GitStaged = 'yes' | 'no' | 'partly';

/** One changed file of the working copy. */
export interface GitChange {
  /** Path relative to the repository's root. */
  path: string;
  /** For a rename (a deleted and a new file with the same content), the old path. */
  oldPath: string | null;
  kind: GitChangeKind;
  staged: GitStaged;
  /** True while the file has unresolved conflict markers from a pull. */
  conflicted: boolean;
}

/** An operation another tool (or a pull) left unfinished; commits and switches wait until it is finished or aborted. */
export type GitOperation = 'merge' | 'rebase' | 'cherry-pick' | 'revert' | 'bisect';

/** What the git panel shows of a site's repository. */
export interface GitStatus {
  /** Real path of the repository's root (the site's folder or one above it). */
  repoRoot: string;
  /** The site's folder relative to the repository's root, '' when they are the same, else ending in '/'. */
  sitePrefix: string;
  /** The current branch, or null on a detached HEAD. */
  branch: string | null;
  /** Short commit id of a detached HEAD, else null. */
  detachedAt: string | null;
  /** The branch's upstream as `<remote>/<branch>`, or null when it has none yet. */
  upstream: string | null;
  /** Commits on the branch the upstream lacks, and the other way round, as of the last fetch. */
  ahead: number;
  behind: number;
  /** False in a repository without commits (a fresh `git init`). */
  hasCommits: boolean;
  operation: GitOperation | null;
  changes: GitChange[];
  /** The remote pushes go to (`origin` or the only one), or null. */
  remote: GitRemote | null;
}

/** A remote as the user knows it; `pullRequestBase` is set for GitHub and GitLab HTTPS remotes. */
export interface GitRemote {
  name: string;
  url: string;
  /** The web address of the repository (for a pull-request link), or null when the host is not known. */
  webUrl: string | null;
  host: 'github' | 'gitlab' | 'other';
}

/** One version of a file for the diff view. */
export type GitFileVersion =
  | { kind: 'text'; text: string }
  | { kind: 'image'; mime: string; base64: string; size: number }
  | { kind: 'binary'; size: number }
  | { kind: 'too-large'; size: number };

/** A file as committed (HEAD) and as it is now on disk; null where it does not exist. */
export interface GitDiff {
  path: string;
  oldPath: string | null;
  before: GitFileVersion | null;
  after: GitFileVersion | null;
}

/** A local branch with how far it is from its upstream. */
export interface GitBranch {
  name: string;
  current: boolean;
  upstream: string | null;
  ahead: number;
  behind: number;
}

/** The branches of a repository: local ones, the default branch new ones start from, and remote ones not yet local. */
export interface GitBranches {
  current: string | null;
  /** The branch new branches start from: the remote's HEAD, else main/master, else the current one. */
  defaultBranch: string | null;
  local: GitBranch[];
  /** Remote branches (`origin/x`) without a local branch of the same name. */
  remoteOnly: string[];
}

/** A commit as a list shows it. */
export interface GitCommitSummary {
  oid: string;
  summary: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601 time of the commit. */
  date: string;
}

/** What a pull did; `diverged` changed nothing and asks the user; `conflict` left a merge to resolve or abort. */
export type GitPullResult =
  | { kind: 'up-to-date' }
  | { kind: 'fast-forward'; commits: number }
  | { kind: 'merged'; commits: number }
  | { kind: 'diverged'; ahead: number; behind: number }
  | { kind: 'conflict'; paths: string[] };

/** What a push did, and where to open a pull request for the branch (null when the host is not known). */
export interface GitPushResult {
  branch: string;
  remote: string;
  /** True when this push set the branch's upstream. */
  setUpstream: boolean;
  pullRequestUrl: string | null;
}

/** How a host's credentials are kept: encrypted by the operating system, encrypted with a key in the app-data folder, or for this session only. */
export type CredentialProtection = 'os' | 'app-key' | 'session';

/** Whether credentials for a host are known; the token itself never crosses the contract. */
export interface GitCredentialInfo {
  host: string;
  username: string | null;
  protection: CredentialProtection | null;
}
